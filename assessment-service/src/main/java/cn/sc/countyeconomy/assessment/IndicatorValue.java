package cn.sc.countyeconomy.assessment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;

import java.math.BigDecimal;
import java.time.Instant;

/** One county's value of one indicator for one year, exactly as submitted. */
@Entity
@Table(name = "indicator_value")
public class IndicatorValue extends PanacheEntityBase {

    /** Ids come from the sequence this many at a time (its increment, migration V4); a block's number is its highest id. */
    public static final int ID_BLOCK = 100;

    /**
     * From the column's own sequence, {@link #ID_BLOCK} ids at a time (migration V4 sets its increment);
     * imports take whole blocks the same way (ValueCopy) and write with COPY.
     */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "indicator_value_ids")
    @SequenceGenerator(name = "indicator_value_ids", sequenceName = "indicator_value_ids", allocationSize = ID_BLOCK)
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
