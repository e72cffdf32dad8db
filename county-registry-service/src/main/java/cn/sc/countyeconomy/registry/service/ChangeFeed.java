package cn.sc.countyeconomy.registry.service;

import cn.sc.countyeconomy.registry.ChangeEvent;
import cn.sc.countyeconomy.registry.api.ChangeEventView;
import cn.sc.countyeconomy.registry.api.ChangeFeedPage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The change feed. Every write of the register first takes the row lock of the single counter
 * row ({@link #lockForWrite()}), so writes are serialised: checks made after the lock see every
 * earlier write, sequence numbers are handed out in commit order, and a rolled-back write gives
 * its numbers back (no gaps). The registry is written rarely and read often, so serialising
 * writes costs nothing that matters.
 */
@ApplicationScoped
public class ChangeFeed {

    public record Pending(String entityType, String entityId, String action, LocalDate effectiveDate, Object payload) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;
    @Inject
    FeedSequence sequence;
    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Takes the register's write lock until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockForWrite() {
        em.createNativeQuery("SELECT last_value FROM change_counter WHERE id = 1 FOR UPDATE").getSingleResult();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public long append(String entityType, String entityId, String action, LocalDate effectiveDate, Object payload) {
        return appendAll(List.of(new Pending(entityType, entityId, action, effectiveDate, payload)));
    }

    /** Appends events in order with one counter update and one batch insert; returns the last sequence. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long appendAll(List<Pending> events) {
        if (events.isEmpty()) {
            return -1;
        }
        em.flush();
        long last = ((Number) em.createNativeQuery(
                "UPDATE change_counter SET last_value = last_value + ?1 WHERE id = 1 RETURNING last_value")
                .setParameter(1, events.size()).getSingleResult()).longValue();
        long first = last - events.size() + 1;
        // this replica's readers see the write as soon as it has committed, before the notification arrives
        transactions.registerInterposedSynchronization(new Synchronization() {

            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    sequence.advanceTo(last);
                }
            }
        });
        Timestamp now = Timestamp.from(Instant.now(clock));
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO change_event (sequence, occurred_at, entity_type, entity_id, "
                    + "action, effective_date, payload) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)")) {
                long seq = first;
                for (Pending e : events) {
                    ps.setLong(1, seq++);
                    ps.setTimestamp(2, now);
                    ps.setString(3, e.entityType());
                    ps.setString(4, e.entityId());
                    ps.setString(5, e.action());
                    ps.setObject(6, e.effectiveDate());
                    ps.setString(7, write(e.payload()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
        return last;
    }

    /** At most {@code limit} events after a sequence, and whether more follow. */
    public ChangeFeedPage page(long after, int limit) {
        // read before the events: every event returned then lies at or below the head, or the head is the older one and the
        // consumer sees the newer events on its next call (never a head below an event it was given)
        long head = ((Number) em.createNativeQuery("SELECT last_value FROM change_counter WHERE id = 1").getSingleResult()).longValue();
        List<ChangeEvent> events = ChangeEvent.find("sequence > ?1 order by sequence", after).range(0, limit).list();
        boolean more = events.size() > limit;
        List<ChangeEventView> out = new ArrayList<>();
        for (ChangeEvent e : events.subList(0, Math.min(limit, events.size()))) {
            out.add(new ChangeEventView(e.sequence, e.occurredAt, e.entityType, e.entityId, e.action, e.effectiveDate, read(e)));
        }
        return new ChangeFeedPage(out, out.isEmpty() ? after : out.get(out.size() - 1).sequence(), more,
                Math.max(head, out.isEmpty() ? 0 : out.get(out.size() - 1).sequence()));
    }

    private JsonNode read(ChangeEvent e) {
        try {
            return json.readTree(e.payload);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored event " + e.sequence + " is not JSON", ex);
        }
    }

    private String write(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a change event payload", e);
        }
    }
}
