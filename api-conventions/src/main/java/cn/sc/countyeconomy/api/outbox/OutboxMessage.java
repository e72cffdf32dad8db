package cn.sc.countyeconomy.api.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/**
 * A write to another service, recorded in the transaction of the local change it belongs to and sent
 * afterwards by {@link OutboxRelay}. Its {@link #idempotencyKey} is fixed when it is recorded and sent
 * on every attempt, so the other side answers a repeat with its first answer.
 */
@Entity
@Table(name = "api_outbox_message")
public class OutboxMessage extends PanacheEntityBase {

    /** PENDING until sent (or while retrying), then DONE, or FAILED when the other side refused it. */
    public enum Status {
        PENDING, DONE, FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "message_type")
    public String type;
    @Column(name = "aggregate_type")
    public String aggregateType;
    @Column(name = "aggregate_id")
    public String aggregateId;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @JdbcTypeCode(SqlTypes.JSON)
    public String payload;
    @Enumerated(EnumType.STRING)
    public Status status;
    public int attempts;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "locked_until")
    public Instant lockedUntil;
    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;
    /** The other side's HTTP status of the last attempt, when it answered. */
    @Column(name = "last_status")
    public Integer lastStatus;
    /** Why the last attempt did not succeed: the other side's answer, or the fault. */
    @Column(name = "last_error")
    public String lastError;
    @JdbcTypeCode(SqlTypes.JSON)
    public String result;
    @Column(name = "done_at")
    public Instant doneAt;
    /** The request id of the request that made the change; sent on with the message. */
    @Column(name = "request_id")
    public String requestId;
    public String actor;
}
