package cn.sc.countyeconomy.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** A change of the division register, applied atomically on its effective date. */
@Entity
@Table(name = "division_change")
public class DivisionChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String kind;
    @Column(name = "effective_date")
    public LocalDate effectiveDate;
    /** Comma-separated codes the change took as input. */
    @Column(name = "from_codes")
    public String fromCodes;
    /** Comma-separated codes the change produced (empty for an abolition). */
    @Column(name = "to_codes")
    public String toCodes;
    public String description;
    public String source;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    @Version
    public long version;

    public List<String> from() {
        return split(fromCodes);
    }

    public List<String> to() {
        return split(toCodes);
    }

    private static List<String> split(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.asList(s.split(","));
    }
}
