package cn.sc.countyeconomy.assessment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** A scoring run: written once, never changed (a database trigger refuses updates too). */
@Entity
@Immutable
@Table(name = "scoring_run")
public class ScoringRun extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public int year;
    @Column(name = "scheme_id")
    public long schemeId;
    @Column(name = "scheme_version")
    public int schemeVersion;
    @Column(name = "input_hash")
    public String inputHash;
    /** {@link cn.sc.countyeconomy.assessment.scoring.ScoringEngine#CODE_VERSION} when the run was made. */
    @Column(name = "scoring_code_version")
    public String scoringCodeVersion;
    @Column(name = "county_count")
    public int countyCount;
    @JdbcTypeCode(SqlTypes.JSON)
    public String treatments;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
}
