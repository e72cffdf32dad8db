package cn.sc.countyeconomy.api.ratelimit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sliding-window estimate and the wait it gives a refused call; windows of 60 s, limit 4. */
class RateLimiterDecisionTest {

    static final long MINUTE = 60_000;

    @Test
    void callsWithinTheLimitAreAdmitted() {
        assertTrue(RateLimiter.decide(4, MINUTE, 0.0, 0, 0).admitted());
        assertTrue(RateLimiter.decide(4, MINUTE, 0.9, 0, 3).admitted());
    }

    @Test
    void theFifthCallOfAWindowWaitsForTheNextWindowAndThreeQuartersOfIt() {
        RateLimiter.Decision d = RateLimiter.decide(4, MINUTE, 0.0, 0, 4);
        assertFalse(d.admitted());
        // next window: 4 × (1 − f') + 1 ≤ 4 once f' ≥ 1/4; so 60 s to the boundary and 15 s into the next window
        assertEquals(75_000, d.retryAfterMillis());
    }

    @Test
    void thePreviousWindowWeighsAsMuchAsItStillOverlaps() {
        // at a quarter of the window, 4 earlier calls weigh 3: one more call is admitted, a second is not
        assertTrue(RateLimiter.decide(4, MINUTE, 0.25, 4, 0).admitted());
        RateLimiter.Decision d = RateLimiter.decide(4, MINUTE, 0.25, 4, 1);
        assertFalse(d.admitted());
        // admitted when 4 × (1 − f') ≤ 2, at f' = 1/2: a quarter of a window later
        assertEquals(15_000, d.retryAfterMillis());
    }

    @Test
    void aFullPreviousWindowRefusesTheFirstCallOfTheNext() {
        RateLimiter.Decision d = RateLimiter.decide(4, MINUTE, 0.0, 4, 0);
        assertFalse(d.admitted());
        // 4 × (1 − f') ≤ 3 at f' = 1/4
        assertEquals(15_000, d.retryAfterMillis());
    }

    @Test
    void aLimitOfOneWaitsForTheWholeNextWindow() {
        RateLimiter.Decision d = RateLimiter.decide(1, MINUTE, 0.5, 0, 1);
        assertFalse(d.admitted());
        // 1 × (1 − f') + 1 ≤ 1 only at f' = 1: the rest of this window and all of the next
        assertEquals(90_000, d.retryAfterMillis());
    }
}
