package cn.sc.countyeconomy.api.ratelimit;

import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.problem.ProblemType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Rate limits whose state is in the service's database ({@code api_rate_limit_window}), so that a caller has one
 * budget across all replicas of a service, and a restart does not reset it.
 *
 * <p>The limit is a sliding window, estimated from two fixed windows (as in Cloudflare's and nginx's limiters):
 * a call at fraction {@code f} of the current window is admitted when
 * {@code previous × (1 − f) + current + 1 ≤ limit}. Unlike a fixed window it does not admit a double burst
 * across a window boundary; unlike a log of calls it keeps two counters per caller.
 *
 * <p>Each decision is one short transaction of its own: it creates the current window's counter if missing,
 * then locks this caller's two counters ({@code FOR UPDATE}), so concurrent calls of one caller, on any replica,
 * are decided one after the other and never admit more than the limit. A refused call is not counted.
 */
@ApplicationScoped
public class RateLimiter {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** Admits one call of {@code caller} under {@code name}, or throws 429 with Retry-After. */
    public void acquire(String name, String caller, int limit, Duration window) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("rate limit " + name + ": limit and window must be positive");
        }
        Instant now = Instant.now(clock);
        long w = window.toMillis();
        Instant currentStart = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), w) * w);
        Instant previousStart = currentStart.minusMillis(w);
        double fraction = (now.toEpochMilli() - currentStart.toEpochMilli()) / (double) w;
        Decision decision = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("""
                INSERT INTO api_rate_limit_window (limit_name, caller, window_start, hits, expires_at)
                VALUES (:name, :caller, :start, 0, :expires) ON CONFLICT DO NOTHING""")
                    .setParameter("name", name).setParameter("caller", caller).setParameter("start", utc(currentStart))
                    .setParameter("expires", utc(currentStart.plusMillis(2 * w))).executeUpdate();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                SELECT window_start = :start, hits FROM api_rate_limit_window
                 WHERE limit_name = :name AND caller = :caller AND window_start IN (:start, :previous)
                 FOR UPDATE""")
                    .setParameter("name", name).setParameter("caller", caller)
                    .setParameter("start", utc(currentStart)).setParameter("previous", utc(previousStart))
                    .getResultList();
            int current = 0;
            int previous = 0;
            for (Object[] row : rows) {
                if ((Boolean) row[0]) {
                    current = ((Number) row[1]).intValue();
                } else {
                    previous = ((Number) row[1]).intValue();
                }
            }
            Decision d = decide(limit, w, fraction, previous, current);
            if (d.admitted()) {
                em.createNativeQuery("""
                    UPDATE api_rate_limit_window SET hits = hits + 1
                     WHERE limit_name = :name AND caller = :caller AND window_start = :start""")
                        .setParameter("name", name).setParameter("caller", caller).setParameter("start", utc(currentStart))
                        .executeUpdate();
            }
            return d;
        });
        if (!decision.admitted()) {
            long seconds = Math.max(1, (decision.retryAfterMillis() + 999) / 1000);
            throw new ApiException(429, ProblemType.TOO_MANY_REQUESTS,
                    "Rate limit reached: at most " + limit + " calls per " + window + " for each caller (" + name + "); retry after "
                            + seconds + " s")
                    .header("Retry-After", Long.toString(seconds)).with("retryAfterSeconds", seconds).with("limit", limit)
                    .with("window", window.toString());
        }
    }

    /**
     * The decision for a call at {@code fraction} of the current window of {@code windowMillis}, with
     * {@code previous} and {@code current} calls counted in the previous and current windows; when refused,
     * the time until the same call would be admitted (no other call counted meanwhile).
     */
    static Decision decide(int limit, long windowMillis, double fraction, int previous, int current) {
        if (previous * (1 - fraction) + current + 1 <= limit) {
            return new Decision(true, 0);
        }
        long toWindowEnd = Math.round((1 - fraction) * windowMillis);
        if (current + 1 <= limit) {
            // still in this window, once the previous window's weight has fallen enough:
            // previous × (1 − f') ≤ limit − current − 1
            double until = 1 - (limit - current - 1) / (double) previous;
            return new Decision(false, Math.max(1, Math.round((until - fraction) * windowMillis)));
        }
        // only in the next window, once this window's weight has fallen enough: current × (1 − f') + 1 ≤ limit
        double into = 1 - (limit - 1) / (double) current;
        return new Decision(false, toWindowEnd + Math.max(0, Math.round(into * windowMillis)));
    }

    /** Deletes the counters no decision reads any more; every replica may do it, the result is the same. */
    @Scheduled(every = "${api.rate-limits.cleanup-interval:10m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void deleteExpired() {
        OffsetDateTime now = utc(Instant.now(clock));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM api_rate_limit_window WHERE expires_at < :now")
                .setParameter("now", now).executeUpdate());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    record Decision(boolean admitted, long retryAfterMillis) {
    }
}
