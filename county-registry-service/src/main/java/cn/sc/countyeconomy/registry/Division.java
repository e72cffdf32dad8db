package cn.sc.countyeconomy.registry;

import cn.sc.countyeconomy.api.query.Filter;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** One version of an administrative division (province, prefecture or county-level), valid over [validFrom, validTo). */
@Entity
@Table(name = "division")
public class Division extends PanacheEntityBase {

    public static final String PROVINCE = "PROVINCE";
    public static final String PREFECTURE = "PREFECTURE";
    public static final String COUNTY = "COUNTY";
    /** The start given to a division whose start no source dates ("not known to have changed"); always flagged. */
    public static final LocalDate BASELINE = LocalDate.of(1949, 10, 1);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(columnDefinition = "bpchar(6)")
    public String code;
    public String level;
    public String type;
    @Column(name = "name_zh")
    public String nameZh;
    @Column(name = "name_en")
    public String nameEn;
    @Column(name = "parent_code", columnDefinition = "bpchar(6)")
    public String parentCode;
    @Column(name = "region_code")
    public String regionCode;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_to")
    public LocalDate validTo;
    public String source;
    /** The source that dates validFrom; null: no source dates the start, validFrom is the baseline {@link #BASELINE}. */
    @Column(name = "valid_from_source")
    public String validFromSource;
    /** The first day a source records this version; an as-of answer for an earlier day assumes it was unchanged since. */
    @Column(name = "recorded_since")
    public LocalDate recordedSince;
    @Version
    public long version;

    public boolean validFromKnown() {
        return validFromSource != null;
    }

    /** Whether what the register says of this version on a date rests on the assumption "unchanged since" rather than on a source. */
    public boolean assumedOn(LocalDate date) {
        return date.isBefore(recordedSince);
    }

    public boolean validOn(LocalDate date) {
        return !validFrom.isAfter(date) && (validTo == null || validTo.isAfter(date));
    }

    public static Optional<Division> current(String code) {
        return find("code = ?1 and validTo is null", code).firstResultOptional();
    }

    /** Every version of a code, oldest first. */
    public static List<Division> versions(String code) {
        return list("code = ?1 order by validFrom", code);
    }

    public static Optional<Division> on(String code, LocalDate date) {
        return Filter.where().eq("code", code).validOn("validFrom", "validTo", date).find(Division.class, null).firstResultOptional();
    }

    /** A copy as a new version (not yet persisted), to be changed and opened on a later date, which the source dates. */
    public Division successorVersion(LocalDate from, String dateSource) {
        Division d = new Division();
        d.code = code;
        d.level = level;
        d.type = type;
        d.nameZh = nameZh;
        d.nameEn = nameEn;
        d.parentCode = parentCode;
        d.regionCode = regionCode;
        d.validFrom = from;
        d.validFromSource = dateSource;
        d.recordedSince = from;
        d.source = source;
        return d;
    }
}
