package cn.sc.countyeconomy.api.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** One successful write. The table refuses UPDATE and DELETE (a trigger), so the trail only grows. */
@Entity
@Table(name = "api_audit_record")
public class AuditRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "actor", nullable = false)
    public String actor;

    @Column(name = "actor_roles", nullable = false)
    public String actorRoles;

    @Column(name = "request_id")
    public String requestId;

    @Column(name = "resource_type", nullable = false)
    public String resourceType;

    @Column(name = "resource_id", nullable = false)
    public String resourceId;

    @Column(name = "action", nullable = false)
    public String action;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "before_state")
    public String before;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "after_state")
    public String after;

    @Column(name = "reason")
    public String reason;
}
