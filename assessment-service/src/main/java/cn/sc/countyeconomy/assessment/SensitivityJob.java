package cn.sc.countyeconomy.assessment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/**
 * A Monte Carlo sensitivity analysis of a run, computed in the background by the instance that
 * {@code owner}s it while its lease ({@code leaseUntil}) is renewed. State changes are conditional
 * updates in {@code SensitivityService} that bump {@code version}; the entity is only read and created.
 */
@Entity
@Table(name = "sensitivity_job")
public class SensitivityJob extends PanacheEntityBase {

    public enum Status {
        QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "run_id")
    public long runId;
    @Enumerated(EnumType.STRING)
    public Status status;
    @JdbcTypeCode(SqlTypes.JSON)
    public String config;
    public int done;
    public int replications;
    @JdbcTypeCode(SqlTypes.JSON)
    public String result;
    public String error;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    @Column(name = "created_by")
    public String createdBy;
    @Version
    public long version;
    /** The instance running it (RUNNING only). */
    public String owner;
    @Column(name = "lease_until")
    public Instant leaseUntil;
    /** How many times an instance has claimed it (a takeover after a lost lease is one more). */
    public int attempts;
    @Column(name = "started_at")
    public Instant startedAt;
}
