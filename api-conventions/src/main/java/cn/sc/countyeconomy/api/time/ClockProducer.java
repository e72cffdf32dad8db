package cn.sc.countyeconomy.api.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The one clock of every service: inject {@link Clock} and ask it for today
 * ({@code LocalDate.now(clock)}) or for a timestamp ({@code Instant.now(clock)}). Its zone is the
 * province's, {@code Asia/Shanghai} (configurable as {@code api.clock.zone}), never the JVM's
 * default: a date in these APIs is a day in Sichuan, whatever the zone of the machine. Tests
 * replace it with {@code cn.sc.countyeconomy.api.testing.TestClock} (an alternative in the
 * test-jar) to fix "today".
 */
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock(@ConfigProperty(name = "api.clock.zone", defaultValue = "Asia/Shanghai") ZoneId zone) {
        return Clock.system(zone);
    }
}
