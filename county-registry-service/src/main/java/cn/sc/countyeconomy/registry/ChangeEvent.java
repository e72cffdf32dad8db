package cn.sc.countyeconomy.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;

/** One event of the change feed; its sequence is gap-free and strictly increasing. */
@Entity
@Table(name = "change_event")
public class ChangeEvent extends PanacheEntityBase {

    @Id
    public long sequence;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Column(name = "entity_type")
    public String entityType;
    @Column(name = "entity_id")
    public String entityId;
    public String action;
    @Column(name = "effective_date")
    public LocalDate effectiveDate;
    @JdbcTypeCode(SqlTypes.JSON)
    public String payload;
}
