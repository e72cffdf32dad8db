package cn.sc.countyeconomy.assessment;

import cn.sc.countyeconomy.api.reference.NamedCode;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import java.math.BigDecimal;

/**
 * What an indicator's definition states (beside its code and names): unit, area, direction, range, required,
 * year-on-year threshold, count. Mapped once for the catalogue's latest definition ({@link Indicator}) and the
 * definitions by year ({@link IndicatorDefinition}).
 */
@MappedSuperclass
public abstract class IndicatorTerms extends NamedCode {

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

    /** The first year these terms apply to. */
    public abstract int fromYear();

    /** Code, names and terms written onto another definition. */
    public void copyTo(IndicatorTerms e) {
        e.code = code;
        e.nameZh = nameZh;
        e.nameEn = nameEn;
        e.unit = unit;
        e.areaCode = areaCode;
        e.direction = direction;
        e.description = description;
        e.source = source;
        e.minValue = minValue;
        e.maxValue = maxValue;
        e.required = required;
        e.yoyThresholdPercent = yoyThresholdPercent;
        e.integerValued = integerValued;
    }
}
