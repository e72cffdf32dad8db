package cn.sc.countyeconomy.assessment;

import cn.sc.countyeconomy.api.reference.NamedCode;
import jakarta.persistence.*;

import java.math.BigDecimal;

/**
 * One indicator of the framework: what is measured, in which unit, and which way is better, as its latest
 * definition says (from {@link #fromYear} on; the earlier years' definitions are {@link IndicatorDefinition}s).
 * Its version is the whole indicator's: a change to any year's definition moves it on.
 */
@Entity
@Table(name = "indicator")
public class Indicator extends NamedCode {

    public String unit;
    @Column(name = "area_code")
    public String areaCode;
    public String direction;
    public String description;
    public String source;
    @Column(name = "min_value")
    public BigDecimal minValue;
    @Column(name = "max_value")
    public BigDecimal maxValue;
    public boolean required;
    @Column(name = "yoy_threshold_percent")
    public BigDecimal yoyThresholdPercent;
    /** A count (cases, persons): only whole numbers are accepted. */
    @Column(name = "integer_valued")
    public boolean integerValued;
    /** The first year of the latest definition. */
    @Column(name = "from_year")
    public int fromYear;
    @Version
    public long version;
}
