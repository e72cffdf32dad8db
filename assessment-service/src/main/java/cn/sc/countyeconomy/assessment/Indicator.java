package cn.sc.countyeconomy.assessment;

import cn.sc.countyeconomy.api.reference.NamedCode;
import jakarta.persistence.*;

import java.math.BigDecimal;

/** One indicator of the framework: what is measured, in which unit, and which way is better. */
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
    @Version
    public long version;
}
