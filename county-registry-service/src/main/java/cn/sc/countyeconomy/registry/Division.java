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
import java.util.Optional;

/** One version of an administrative division (province, prefecture or county-level), valid over [validFrom, validTo). */
@Entity
@Table(name = "division")
public class Division extends PanacheEntityBase {

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
    @Version
    public long version;

    public static Optional<Division> current(String code) {
        return find("code = ?1 and validTo is null", code).firstResultOptional();
    }
}
