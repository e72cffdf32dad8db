package cn.sc.countyeconomy.assistance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A result indicator of a project (IATI result/indicator) with its baseline and periods. */
@Entity
@Table(name = "result_indicator")
public class ResultIndicator extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "project_id")
    public Long projectId;
    public String title;
    public String unit;
    @Column(name = "baseline_year")
    public int baselineYear;
    @Column(name = "baseline_value")
    public BigDecimal baselineValue;
    @jakarta.persistence.Version
    public long version;
    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER, orphanRemoval = true)
    @JoinColumn(name = "indicator_id", nullable = false)
    @OrderBy("periodStart")
    public List<ResultPeriod> periods = new ArrayList<>();
}
