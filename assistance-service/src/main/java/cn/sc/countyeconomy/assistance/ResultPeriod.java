package cn.sc.countyeconomy.assistance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Target and actual of an indicator over one period. */
@Entity
@Table(name = "result_period")
public class ResultPeriod {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "period_start")
    public LocalDate periodStart;
    @Column(name = "period_end")
    public LocalDate periodEnd;
    @Column(name = "target_value")
    public BigDecimal targetValue;
    @Column(name = "actual_value")
    public BigDecimal actualValue;
}
