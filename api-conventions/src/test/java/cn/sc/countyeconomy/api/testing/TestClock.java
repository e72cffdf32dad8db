package cn.sc.countyeconomy.api.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The clock of every service under test (it replaces {@code ClockProducer}'s through the producer
 * below, found in this test-jar's index): "today" is the day a test says, never the calendar of
 * the machine that runs it, and timestamps still move forward within it so that records keep their
 * order. The day starts at {@link #DEFAULT_TODAY}; a test that sets another day calls
 * {@link #reset()} afterwards (or before, in its own set-up).
 */
public final class TestClock extends Clock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The day the suite runs on unless a test says otherwise. */
    public static final LocalDate DEFAULT_TODAY = LocalDate.of(2026, 6, 30);

    private static volatile Instant start = noonOf(DEFAULT_TODAY);
    private static volatile long startNanos = System.nanoTime();

    /** Sets today (from noon, Asia/Shanghai; the time then runs on). */
    public static void today(LocalDate date) {
        start = noonOf(date);
        startNanos = System.nanoTime();
    }

    /**
     * Moves the time forward by {@code d} (e.g. past a lease, so that what expires with time does so
     * when the test says, not after a sleep); it then runs on from there.
     */
    public static void advance(Duration d) {
        if (d.isNegative())
            throw new IllegalArgumentException("the clock only moves forward: " + d);
        start = start.plus(d);
    }

    public static void reset() {
        today(DEFAULT_TODAY);
    }

    public static LocalDate today() {
        return LocalDate.ofInstant(start, ZONE);
    }

    private static Instant noonOf(LocalDate d) {
        return d.atTime(12, 0).atZone(ZONE).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(ZONE) ? this : new Zoned(zone);
    }

    @Override
    public Instant instant() {
        // at most 11 hours later, so a test never crosses midnight into another day
        long elapsed = Math.min(System.nanoTime() - startNanos, Duration.ofHours(11).toNanos());
        return start.plusNanos(elapsed);
    }

    /** The same time seen from another zone. */
    private static final class Zoned extends Clock {

        private final ZoneId zone;

        Zoned(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
            return new Zoned(z);
        }

        @Override
        public Instant instant() {
            return INSTANCE.instant();
        }
    }

    private static final TestClock INSTANCE = new TestClock();

    /** Replaces the services' clock in every test. */
    @Singleton
    public static class Producer {

        @Produces
        @Alternative
        @Priority(1)
        @Singleton
        Clock clock() {
            return INSTANCE;
        }
    }
}
