package cn.sc.countyeconomy.assistance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;

/** An organisation helps a county under a force from validFrom to validTo (inclusive; open when null). */
@Entity
@Table(name = "pairing")
public class Pairing extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "organisation_id")
    public Long organisationId;
    @Column(name = "county_code")
    public String countyCode;
    @Column(name = "county_name")
    public String countyName;
    @Column(name = "force_code")
    public String forceCode;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_to")
    public LocalDate validTo;
    public boolean synthetic;
    /** Set when the county's designation ended it: the first day the county was no longer designated (validTo is the day before). */
    @Column(name = "ended_by_designation_on")
    public LocalDate endedByDesignationOn;
    @Version
    public long version;
}
