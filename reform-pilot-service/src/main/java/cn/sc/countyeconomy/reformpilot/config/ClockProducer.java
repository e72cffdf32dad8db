package cn.sc.countyeconomy.reformpilot.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.ZoneId;

/** The clock "today" is read from; tests replace it to fix the date. */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock(ReformPilotConfig config) {
        return Clock.system(ZoneId.of(config.zone()));
    }
}
