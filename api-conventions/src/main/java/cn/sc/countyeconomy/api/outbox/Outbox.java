package cn.sc.countyeconomy.api.outbox;

import cn.sc.countyeconomy.api.request.RequestIds;
import cn.sc.countyeconomy.api.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Records writes to other services in the caller's transaction (the transactional outbox): the local
 * change and the message commit together or not at all, and no other service is called inside the
 * transaction. {@link OutboxRelay} sends them afterwards.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;
    @Inject
    Caller caller;

    /**
     * Records a message for the handler of {@code type}, to be sent with {@code idempotencyKey} (unique:
     * the same key twice is a programming error). Messages of one aggregate are sent in the order recorded.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxMessage enqueue(String type, String aggregateType, Object aggregateId, String idempotencyKey, Object payload) {
        OutboxMessage m = new OutboxMessage();
        m.type = type;
        m.aggregateType = aggregateType;
        m.aggregateId = String.valueOf(aggregateId);
        m.idempotencyKey = idempotencyKey;
        try {
            m.payload = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("outbox payload of " + type + " cannot be written as JSON", e);
        }
        m.status = OutboxMessage.Status.PENDING;
        Instant now = Instant.now(clock);
        m.createdAt = now;
        m.nextAttemptAt = now;
        m.requestId = RequestIds.current();
        m.actor = currentActor();
        m.persist();
        return m;
    }

    /** The messages of an aggregate, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OutboxMessage> of(String aggregateType, Object aggregateId) {
        return OutboxMessage.list("aggregateType = ?1 and aggregateId = ?2", Sort.by("id"), aggregateType, String.valueOf(aggregateId));
    }

    /** The payload of a message read back as {@code type}. */
    public <T> T payload(OutboxMessage m, Class<T> type) {
        try {
            return json.readValue(m.payload, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outbox message " + m.id + " holds a payload that is not a " + type.getSimpleName(), e);
        }
    }

    private String currentActor() {
        try {
            return caller.subject();
        } catch (RuntimeException e) {
            return null; // no request (a scheduled job)
        }
    }
}
