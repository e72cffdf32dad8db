package cn.sc.countyeconomy.assessment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What an indicator means from a year on (names, unit, area, direction, range, required, threshold, count): the
 * definitions are versioned by year like schemes, so a change from year Y leaves the definitions of the years
 * before Y, their validation and their scorecards as they were. The definition in force in year Y is the one with
 * the largest {@code fromYear <= Y}; {@link Indicator} holds the latest.
 */
@Entity
@Table(name = "indicator_definition")
@IdClass(IndicatorDefinition.Key.class)
public class IndicatorDefinition extends PanacheEntityBase {

    /** The first year a definition can apply to: one made from it applies to every year. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    @Id
    public String code;
    @Id
    @Column(name = "from_year")
    public int fromYear;
    @Column(name = "name_zh")
    public String nameZh;
    @Column(name = "name_en")
    public String nameEn;
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

    /** The key: code and first year. */
    public static class Key implements Serializable {

        public String code;
        public int fromYear;

        public Key() {
        }

        public Key(String code, int fromYear) {
            this.code = code;
            this.fromYear = fromYear;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.fromYear == fromYear && Objects.equals(k.code, code);
        }

        @Override
        public int hashCode() {
            return Objects.hash(code, fromYear);
        }
    }

    /** This definition's terms written onto the catalogue's row (the latest definition), from year {@link #fromYear}. */
    public void copyTo(Indicator e) {
        e.code = code;
        e.fromYear = fromYear;
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
