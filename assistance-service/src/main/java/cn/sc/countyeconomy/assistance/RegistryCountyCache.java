package cn.sc.countyeconomy.assistance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** The registry's last list of underdeveloped counties; used only by reports while the registry is down. */
@Entity
@Table(name = "registry_county_cache")
public class RegistryCountyCache extends PanacheEntityBase {

    @Id
    @Column(name = "county_code")
    public String countyCode;
    @Column(name = "county_name")
    public String countyName;
    @Column(name = "as_of")
    public LocalDate asOf;
    @Column(name = "fetched_at")
    public Instant fetchedAt;
}
