package cn.sc.countyeconomy.reformpilot;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.OptimisticLock;

import java.time.LocalDate;

/**
 * A county in a programme and batch, with its lifecycle state ({@link PilotStatus}) and its
 * REFORM_PILOT designation as this service holds it. What the outbox relay learns from the registry
 * (the designation id, the sync state) does not change the version, so it never makes a client's
 * ETag stale; only the columns that changed are written, so the relay and a transition never
 * overwrite each other's fields.
 */
@Entity
@Table(name = "pilot")
@DynamicUpdate
public class Pilot extends PanacheEntityBase {

    /** Whether county-registry-service holds what this service sent it about the pilot. */
    public enum SyncState {
        PENDING, SYNCED, FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "program_id")
    public long programId;
    public int batch;
    @Column(name = "county_code")
    public String countyCode;
    @Column(name = "county_name")
    public String countyName;
    @Column(name = "prefecture_name")
    public String prefectureName;
    @Enumerated(EnumType.STRING)
    public PilotStatus status;
    /** The date of the transition into the current status. */
    @Column(name = "status_since")
    public LocalDate statusSince;
    @Column(name = "nominated_on")
    public LocalDate nominatedOn;
    /** The date of the first transition into IMPLEMENTING: the start of the pace used for projections. */
    @Column(name = "implementation_start")
    public LocalDate implementationStart;
    /** The REFORM_PILOT designation county-registry-service recorded on approval (learnt by the relay). */
    @Column(name = "designation_id")
    @OptimisticLock(excluded = true)
    public Long designationId;
    /** The designation's first day: the approval date. */
    @Column(name = "designation_from")
    public LocalDate designationFrom;
    /** The designation's end (exclusive): the programme's deadline + 1, or the date the pilot left. */
    @Column(name = "designation_to")
    public LocalDate designationTo;
    @Enumerated(EnumType.STRING)
    @Column(name = "sync_state")
    @OptimisticLock(excluded = true)
    public SyncState syncState;
    /** The registry's answer when FAILED; the last fault while PENDING after a failed attempt. */
    @Column(name = "sync_detail")
    @OptimisticLock(excluded = true)
    public String syncDetail;
    @Column(name = "sync_registry_status")
    @OptimisticLock(excluded = true)
    public Integer syncRegistryStatus;
    public String source;
    @Version
    public long version;
}
