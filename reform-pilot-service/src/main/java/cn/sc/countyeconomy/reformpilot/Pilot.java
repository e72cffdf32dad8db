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

import java.time.LocalDate;

/** A county in a programme and batch, with its lifecycle state ({@link PilotStatus}). */
@Entity
@Table(name = "pilot")
public class Pilot extends PanacheEntityBase {

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
    /** The REFORM_PILOT designation county-registry-service recorded on approval. */
    @Column(name = "designation_id")
    public Long designationId;
    public String source;
    @Version
    public long version;
}
