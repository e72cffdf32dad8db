package cn.sc.countyeconomy.api.ratelimit;

import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.problem.ProblemType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Rate limits whose state is in the service's database ({@code api_rate_limit_call}), so that a caller has one
 * budget across all replicas of a service, and a restart does not reset it.
 *
 * <p>The limit is exact: a sliding log. A call is admitted when fewer than {@code limit} admitted calls of this caller
 * lie in the window that ends now, so no window of that length, wherever it starts, ever holds more than
 * {@code limit} of them. A refused call is not recorded. The log holds at most {@code limit} rows per caller and limit
 * at a time (a caller's expired rows are deleted at each decision, everyone's periodically).
 *
 * <p>Each decision is one short transaction of its own, serialised per limit and caller by a transaction-scoped
 * advisory lock, so concurrent calls of one caller, on any replica, are decided one after the other. The annotation
 * belongs on a method that runs outside any transaction (a REST resource method): the decision then takes the only
 * connection the request holds at that moment.
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
        Instant windowStart = now.minus(window);
        Decision decision = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))").setParameter("key", name + "\n" + caller)
                    .getSingleResult();
            em.createNativeQuery("DELETE FROM api_rate_limit_call WHERE limit_name = :name AND caller = :caller AND called_at <= :start")
                    .setParameter("name", name).setParameter("caller", caller).setParameter("start", utc(windowStart)).executeUpdate();
            @SuppressWarnings("unchecked")
            List<Object> calls = em.createNativeQuery("""
                SELECT called_at FROM api_rate_limit_call
                 WHERE limit_name = :name AND caller = :caller AND called_at > :start ORDER BY called_at""")
                    .setParameter("name", name).setParameter("caller", caller).setParameter("start", utc(windowStart)).getResultList();
            Decision d = decide(limit, window, now, calls.stream().map(RateLimiter::instant).toList());
            if (d.admitted()) {
                em.createNativeQuery("""
                    INSERT INTO api_rate_limit_call (limit_name, caller, called_at, expires_at)
                    VALUES (:name, :caller, :now, :expires)""")
                        .setParameter("name", name).setParameter("caller", caller).setParameter("now", utc(now))
                        .setParameter("expires", utc(now.plus(window))).executeUpdate();
            }
            return d;
        });
        if (!decision.admitted()) {
            long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
            throw new ApiException(429, ProblemType.TOO_MANY_REQUESTS,
                    "Rate limit reached: at most " + limit + " calls per " + window + " for each caller (" + name + "); retry after "
                            + seconds + " s")
                    .header("Retry-After", Long.toString(seconds)).with("retryAfterSeconds", seconds).with("limit", limit)
                    .with("window", window.toString());
        }
    }

    /**
     * The decision for a call at {@code now}, given the admitted calls inside the window that ends now (oldest first).
     * Refused: the wait until enough of them have left the window for this call to be admitted (no other admitted
     * meanwhile).
     */
    static Decision decide(int limit, Duration window, Instant now, List<Instant> callsInWindow) {
        int n = callsInWindow.size();
        if (n < limit) {
            return new Decision(true, Duration.ZERO);
        }
        // admitted once n - limit + 1 calls have left: the (n - limit)-th oldest leaves at its time + window
        Instant leaves = callsInWindow.get(n - limit).plus(window);
        return new Decision(false, Duration.between(now, leaves));
    }

    /** Deletes the calls that have left their window; every replica may do it, the result is the same. */
    @Scheduled(every = "${api.rate-limits.cleanup-interval:10m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void deleteExpired() {
        OffsetDateTime now = utc(Instant.now(clock));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM api_rate_limit_call WHERE expires_at < :now")
                .setParameter("now", now).executeUpdate());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(Object column) {
        if (column instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (column instanceof Instant t) {
            return t;
        }
        return ((Timestamp) column).toInstant();
    }

    record Decision(boolean admitted, Duration retryAfter) {
    }
}
