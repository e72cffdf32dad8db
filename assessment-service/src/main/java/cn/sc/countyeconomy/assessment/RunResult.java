package cn.sc.countyeconomy.assessment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;

/** One county's result in a run; {@code detail} holds indicators, area scores and red-line findings. */
@Entity
@Immutable
@Table(name = "run_result")
public class RunResult extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "run_id")
    public long runId;
    @Column(name = "county_code")
    public String countyCode;
    @Column(name = "county_name")
    public String countyName;
    public String category;
    public String status;
    public BigDecimal overall;
    public Integer rank;
    @Column(name = "previous_rank")
    public Integer previousRank;
    @Column(name = "rank_change")
    public Integer rankChange;
    public String award;
    @JdbcTypeCode(SqlTypes.JSON)
    public String detail;
}
