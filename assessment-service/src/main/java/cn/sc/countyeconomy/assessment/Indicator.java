package cn.sc.countyeconomy.assessment;

import jakarta.persistence.*;

/**
 * One indicator of the framework: what is measured, in which unit, and which way is better, as its latest
 * definition says (from {@link #fromYear} on; the earlier years' definitions are {@link IndicatorDefinition}s).
 * Its version is the whole indicator's: a change to any year's definition moves it on.
 */
@Entity
@Table(name = "indicator")
public class Indicator extends IndicatorTerms {

    /** The first year of the latest definition. */
    @Column(name = "from_year")
    public int fromYear;
    @Version
    public long version;

    @Override
    public int fromYear() {
        return fromYear;
    }
}
