package cn.sc.countyeconomy.api.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sliding log's decision and the wait it gives a refused call; a limit of 4 a minute. */
class RateLimiterDecisionTest {

    static final Duration MINUTE = Duration.ofMinutes(1);
    static final Instant NOW = Instant.parse("2026-06-30T04:00:00Z");

    static Instant ago(int seconds) {
        return NOW.minusSeconds(seconds);
    }

    @Test
    void fewerCallsThanTheLimitInTheWindowAdmitTheNext() {
        assertTrue(RateLimiter.decide(4, MINUTE, NOW, List.of()).admitted());
        assertTrue(RateLimiter.decide(4, MINUTE, NOW, List.of(ago(59), ago(30), ago(1))).admitted());
    }

    @Test
    void atTheLimitTheCallWaitsUntilTheOldestLeavesTheWindow() {
        RateLimiter.Decision d = RateLimiter.decide(4, MINUTE, NOW, List.of(ago(50), ago(40), ago(10), ago(0)));
        assertFalse(d.admitted());
        // the call of 50 s ago leaves the minute 10 s from now
        assertEquals(Duration.ofSeconds(10), d.retryAfter());
    }

    @Test
    void fourCallsAtTheEndOfAMinuteStillCountAtTheStartOfTheNext() {
        // a fixed window would start again at the boundary; the last minute still holds these four
        RateLimiter.Decision d = RateLimiter.decide(4, MINUTE, NOW, List.of(ago(3), ago(2), ago(2), ago(1)));
        assertFalse(d.admitted());
        assertEquals(Duration.ofSeconds(57), d.retryAfter());
    }

    @Test
    void withALimitLoweredBelowTheCallsInTheWindowTheWaitIsForEnoughOfThemToLeave() {
        // 4 in the window, limit now 2: three must leave, so the wait is for the third oldest
        RateLimiter.Decision d = RateLimiter.decide(2, MINUTE, NOW, List.of(ago(50), ago(40), ago(30), ago(20)));
        assertFalse(d.admitted());
        assertEquals(Duration.ofSeconds(30), d.retryAfter());
    }
}
