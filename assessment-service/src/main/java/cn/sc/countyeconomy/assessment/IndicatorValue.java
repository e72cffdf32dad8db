package cn.sc.countyeconomy.assessment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;

import java.math.BigDecimal;
import java.time.Instant;

/** One county's value of one indicator for one year, exactly as submitted. */
@Entity
@Table(name = "indicator_value")
public class IndicatorValue extends PanacheEntityBase {

    /**
     * From the column's own sequence, 100 ids at a time (migration V4 sets its increment), so that an
     * import's inserts go to the database in JDBC batches rather than one round trip per value.
     */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "indicator_value_ids")
    @SequenceGenerator(name = "indicator_value_ids", sequenceName = "indicator_value_ids", allocationSize = 100)
    public Long id;
    @Column(name = "county_code")
    public String countyCode;
    public int year;
    @Column(name = "indicator_code")
    public String indicatorCode;
    public BigDecimal value;
    public boolean synthetic;
    public String source;
    public String flag;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
