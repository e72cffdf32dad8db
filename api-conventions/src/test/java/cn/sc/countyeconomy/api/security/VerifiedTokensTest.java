package cn.sc.countyeconomy.api.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How long a verified token is remembered: never past the moment the verifier would refuse it. */
class VerifiedTokensTest {

    private static final long NOW = 1_780_000_000L;
    private static final long HOUR = 3600;
    private static final long TTL = Duration.ofSeconds(60).toNanos();

    @Test
    void aFreshTokenIsRememberedForTheTtl() {
        assertEquals(TTL, VerifiedTokens.nanosToKeep(NOW + 1800, NOW, HOUR, NOW, TTL));
    }

    @Test
    void aTokenExpiringWithinTheTtlIsRememberedUntilOneSecondBeforeItsExp() {
        assertEquals(Duration.ofSeconds(9).toNanos(), VerifiedTokens.nanosToKeep(NOW + 10, NOW - 100, HOUR, NOW, TTL));
    }

    @Test
    void theMaximumAgeEndsItWhenItComesBeforeExp() {
        // issued 3590 s ago, valid for a day by exp, but older than an hour in 10 s
        assertEquals(Duration.ofSeconds(9).toNanos(), VerifiedTokens.nanosToKeep(NOW + 86_400, NOW - 3590, HOUR, NOW, TTL));
    }

    @Test
    void aTokenAtOrPastItsEndIsNotRemembered() {
        assertEquals(0, VerifiedTokens.nanosToKeep(NOW + 1, NOW, HOUR, NOW, TTL));
        assertEquals(0, VerifiedTokens.nanosToKeep(NOW - 5, NOW - 100, HOUR, NOW, TTL));
        assertEquals(0, VerifiedTokens.nanosToKeep(NOW + 1800, NOW - HOUR, HOUR, NOW, TTL));
    }

    @Test
    void withoutExpOrAgeOnlyTheTtlBounds() {
        assertEquals(TTL, VerifiedTokens.nanosToKeep(0, 0, Long.MAX_VALUE, NOW, TTL));
        assertEquals(TTL, VerifiedTokens.nanosToKeep(0, NOW, Long.MAX_VALUE, NOW, TTL));
    }
}
