package cn.sc.countyeconomy.assistance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/** A project in a county (an IATI activity): lead organisation, partners, term, status, budget. */
@Entity
@Table(name = "project")
public class AssistanceProject extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "county_code")
    public String countyCode;
    @Column(name = "force_code")
    public String forceCode;
    @Column(name = "lead_organisation_id")
    public Long leadOrganisationId;
    public String title;
    public String description;
    @Enumerated(EnumType.STRING)
    public ProjectSector sector;
    @Enumerated(EnumType.STRING)
    public ProjectTerm term;
    @Column(name = "key_project")
    public boolean keyProject;
    @Column(name = "planned_start")
    public LocalDate plannedStart;
    @Column(name = "planned_end")
    public LocalDate plannedEnd;
    @Column(name = "actual_start")
    public LocalDate actualStart;
    @Column(name = "actual_end")
    public LocalDate actualEnd;
    @Enumerated(EnumType.STRING)
    public ProjectStatus status;
    public BigDecimal budget;
    public boolean synthetic;
    @Version
    public long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "project_partner", joinColumns = @JoinColumn(name = "project_id"))
    public Set<Partner> partners = new LinkedHashSet<>();

    @Embeddable
    public static class Partner {

        @Column(name = "organisation_id")
        public Long organisationId;
        @Enumerated(EnumType.STRING)
        public PartnerRole role;

        public Partner() {
        }

        public Partner(Long organisationId, PartnerRole role) {
            this.organisationId = organisationId;
            this.role = role;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Partner p && java.util.Objects.equals(organisationId, p.organisationId) && role == p.role;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(organisationId, role);
        }
    }

    /** IATI participating-org roles for partners (the lead is role 2, accountable). */
    public enum PartnerRole {

        FUNDING("1"), EXTENDING("3"), IMPLEMENTING("4");

        private final String iatiCode;

        PartnerRole(String iatiCode) {
            this.iatiCode = iatiCode;
        }

        public String iatiCode() {
            return iatiCode;
        }
    }
}
