package cn.sc.countyeconomy.api.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The first answer given to a create sent with an Idempotency-Key, kept to replay it. */
@Entity
@Table(name = "api_idempotency_record")
public class IdempotencyRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "principal", nullable = false)
    public String principal;

    @Column(name = "idem_key", nullable = false)
    public String key;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(name = "method", nullable = false)
    public String method;

    @Column(name = "path", nullable = false)
    public String path;

    @Column(name = "status", nullable = false)
    public int status;

    @Column(name = "location")
    public String location;

    @Column(name = "response_body")
    public String responseBody;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
