package cn.sc.countyeconomy.assistance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A provincial department, eastern partner, paired city, provincial SOE or central SOE. */
@Entity
@Table(name = "assisting_organisation")
public class AssistingOrganisation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    @Column(name = "name_en")
    public String nameEn;
    @Enumerated(EnumType.STRING)
    public OrganisationKind kind;
    @Column(name = "force_code")
    public String forceCode;
    public boolean synthetic;
    @Version
    public long version;
}
