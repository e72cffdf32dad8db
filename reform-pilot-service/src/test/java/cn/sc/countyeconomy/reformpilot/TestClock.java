package cn.sc.countyeconomy.reformpilot;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A clock the tests set: "today" for the service is whatever the test says. */
public class TestClock extends Clock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final LocalDate DEFAULT_TODAY = LocalDate.of(2024, 10, 20);
    private static volatile Instant now = at(DEFAULT_TODAY);

    /** Sets today (noon, Asia/Shanghai). */
    public static void today(LocalDate date) {
        now = at(date);
    }

    public static void reset() {
        today(DEFAULT_TODAY);
    }

    private static Instant at(LocalDate d) {
        return d.atTime(12, 0).atZone(ZONE).toInstant();
    }

    /** Replaces the service's clock producer in tests. */
    @Singleton
    public static class Producer {
        @Produces
        @Alternative
        @Priority(1)
        @Singleton
        Clock clock() {
            return new TestClock();
        }
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
