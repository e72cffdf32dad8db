package cn.sc.countyeconomy.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;

/** A county holding a designation of some type over [validFrom, validTo). */
@Entity
@Table(name = "designation")
public class Designation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "type_code")
    public String typeCode;
    @Column(name = "county_code", columnDefinition = "bpchar(6)")
    public String countyCode;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_to")
    public LocalDate validTo;
    @Column(name = "evidence_status")
    public String evidenceStatus;
    @Column(name = "source_ref")
    public String sourceRef;
    public String note;
    /** Who asserts it, "&lt;system&gt;:&lt;programme&gt;"; overlaps are refused only within one type, county and source. */
    public String source;
    @Version
    public long version;
}
