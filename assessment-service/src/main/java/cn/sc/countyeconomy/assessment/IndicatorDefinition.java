package cn.sc.countyeconomy.assessment;

import jakarta.persistence.*;

import java.io.Serializable;
import java.util.Objects;

/**
 * What an indicator means from a year on (names, unit, area, direction, range, required, threshold, count): the
 * definitions are versioned by year like schemes, so a change from year Y leaves the definitions of the years
 * before Y, their validation and their scorecards as they were. The definition in force in year Y is the one with
 * the largest {@code fromYear <= Y}; {@link Indicator} holds the latest. The key is the code (of {@link IndicatorTerms})
 * and the first year.
 */
@Entity
@Table(name = "indicator_definition")
@IdClass(IndicatorDefinition.Key.class)
public class IndicatorDefinition extends IndicatorTerms {

    /** The first year a definition can apply to: one made from it applies to every year. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    @Id
    @Column(name = "from_year")
    public int fromYear;

    @Override
    public int fromYear() {
        return fromYear;
    }

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
}
