package cn.sc.countyeconomy.api.outbox;

import cn.sc.countyeconomy.api.request.RequestIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends the outbox's messages. A run claims due messages in a short transaction (SELECT ... FOR
 * UPDATE SKIP LOCKED, then a lease, {@code api.outbox.lease}), so several instances never send one
 * message at the same time and no transaction or row lock is held while the other service is called;
 * a message whose instance died is taken over when its lease ends (the fixed Idempotency-Key makes
 * that resend safe). Each outcome is recorded in a transaction of its own with the handler's local
 * change: DONE, FAILED (refused, with the answer), or PENDING again after a backoff that doubles from
 * {@code api.outbox.backoff-initial} up to {@code api.outbox.backoff-max}. Messages of one aggregate go
 * in order: one waits while an earlier one of its aggregate is not DONE.
 *
 * <p>Nothing here runs by itself: a service schedules {@link #relayDue()} and may offer {@link #relayNow()}
 * to its admins; tests call them directly.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Rounds per run: a message waiting for an earlier one of its aggregate goes in the next round. */
    private static final int ROUNDS = 10;

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    ObjectMapper json;
    @Inject
    @Any
    Instance<OutboxHandler<?>> handlers;

    @ConfigProperty(name = "api.outbox.backoff-initial", defaultValue = "PT2S")
    Duration backoffInitial;
    @ConfigProperty(name = "api.outbox.backoff-max", defaultValue = "PT5M")
    Duration backoffMax;
    @ConfigProperty(name = "api.outbox.lease", defaultValue = "PT2M")
    Duration lease;
    @ConfigProperty(name = "api.outbox.batch-size", defaultValue = "50")
    int batchSize;

    /** Sends the messages that are due (their backoff over); what the schedule calls. */
    public RelayRun relayDue() {
        return relay(false);
    }

    /** Sends every pending message now, also those waiting out a backoff (an admin's "retry now"). */
    public RelayRun relayNow() {
        return relay(true);
    }

    private RelayRun relay(boolean ignoreBackoff) {
        RelayRun total = new RelayRun(0, 0, 0);
        for (int round = 0; round < ROUNDS; round++) {
            // only the first round skips the backoff: a message that met a fault in this run waits for the next
            List<Long> claimed = claim(ignoreBackoff && round == 0);
            if (claimed.isEmpty()) {
                break;
            }
            for (Long id : claimed) {
                total = total.plus(deliver(id));
            }
        }
        return total;
    }

    /** Claims up to a batch of due messages for this instance: a short transaction, no remote call. */
    @SuppressWarnings("unchecked")
    List<Long> claim(boolean ignoreBackoff) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
            List<Number> ids = em.createNativeQuery("""
                UPDATE api_outbox_message SET locked_until = :leaseEnd, attempts = attempts + 1, last_attempt_at = :now
                 WHERE id IN (SELECT m.id FROM api_outbox_message m
                               WHERE m.status = 'PENDING'
                                 AND (:ignoreBackoff OR m.next_attempt_at <= :now)
                                 AND (m.locked_until IS NULL OR m.locked_until < :now)
                                 AND NOT EXISTS (SELECT 1 FROM api_outbox_message e
                                                  WHERE e.aggregate_type = m.aggregate_type AND e.aggregate_id = m.aggregate_id
                                                    AND e.id < m.id AND e.status <> 'DONE')
                               ORDER BY m.id LIMIT :batch
                               FOR UPDATE SKIP LOCKED)
                RETURNING id""")
                    .setParameter("leaseEnd", now.plus(lease)).setParameter("now", now)
                    .setParameter("ignoreBackoff", ignoreBackoff).setParameter("batch", batchSize)
                    .getResultList();
            return ids.stream().map(Number::longValue).sorted().toList();
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private RelayRun deliver(long id) {
        OutboxMessage message = QuarkusTransaction.requiringNew().call(() -> {
            OutboxMessage m = OutboxMessage.findById(id);
            em.detach(m);
            return m;
        });
        OutboxHandler handler = handlerOf(message.type);
        if (handler == null) {
            return record(id, null, o -> {
                o.status = OutboxMessage.Status.FAILED;
                o.lastError = "no handler for message type " + o.type;
            }, RelayRun::refusedOne);
        }
        Object result;
        try {
            result = withRequestId(message.requestId, () -> handler.send(message));
        } catch (OutboxHandler.Refused e) {
            LOG.warnf("outbox message %d (%s, key %s) refused: %s %s", id, message.type, message.idempotencyKey, e.status(), e.getMessage());
            return record(id, handler, o -> {
                o.status = OutboxMessage.Status.FAILED;
                o.lastStatus = e.status();
                o.lastError = e.getMessage();
                handler.refused(o);
            }, RelayRun::refusedOne);
        } catch (RuntimeException e) {
            LOG.infof("outbox message %d (%s, key %s) not sent, will retry: %s", id, message.type, message.idempotencyKey, e.toString());
            return record(id, handler, o -> {
                o.nextAttemptAt = Instant.now(clock).plus(backoff(o.attempts));
                o.lastStatus = null;
                o.lastError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                handler.retrying(o);
            }, RelayRun::retryingOne);
        }
        return record(id, handler, o -> {
            o.status = OutboxMessage.Status.DONE;
            o.doneAt = Instant.now(clock);
            o.lastStatus = null;
            o.lastError = null;
            o.result = toJson(result);
            handler.sent(o, result);
        }, RelayRun::sentOne);
    }

    /** Records an outcome with the handler's local change, unless the message was settled meanwhile. */
    private RelayRun record(long id, OutboxHandler<?> handler, java.util.function.Consumer<OutboxMessage> outcome,
            java.util.function.Supplier<RelayRun> counted) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OutboxMessage m = em.find(OutboxMessage.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (m == null || m.status != OutboxMessage.Status.PENDING) {
                return new RelayRun(0, 0, 0);
            }
            outcome.accept(m);
            m.lockedUntil = null;
            return counted.get();
        });
    }

    /** The wait before attempt n+1: initial x 2^(n-1), at most the maximum. */
    Duration backoff(int attempts) {
        Duration d = backoffInitial;
        for (int i = 1; i < attempts && d.compareTo(backoffMax) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(backoffMax) > 0 ? backoffMax : d;
    }

    private OutboxHandler<?> handlerOf(String type) {
        Map<String, OutboxHandler<?>> byType = new HashMap<>();
        for (OutboxHandler<?> h : handlers) {
            byType.put(h.type(), h);
        }
        return byType.get(type);
    }

    private String toJson(Object result) {
        if (result == null) {
            return null;
        }
        try {
            return json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The message's request id is the one passed on to the other service (and in the log lines). */
    private static <T> T withRequestId(String requestId, java.util.function.Supplier<T> call) {
        if (requestId == null) {
            return call.get();
        }
        Context ctx = Vertx.currentContext();
        Object before = ctx == null ? null : ctx.getLocal(RequestIds.MDC_KEY);
        Object beforeMdc = MDC.get(RequestIds.MDC_KEY);
        if (ctx != null) {
            ctx.putLocal(RequestIds.MDC_KEY, requestId);
        }
        MDC.put(RequestIds.MDC_KEY, requestId);
        try {
            return call.get();
        } finally {
            if (ctx != null) {
                if (before == null) {
                    ctx.removeLocal(RequestIds.MDC_KEY);
                } else {
                    ctx.putLocal(RequestIds.MDC_KEY, before);
                }
            }
            if (beforeMdc == null) {
                MDC.remove(RequestIds.MDC_KEY);
            } else {
                MDC.put(RequestIds.MDC_KEY, beforeMdc);
            }
        }
    }
}
