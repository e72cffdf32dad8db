package cn.sc.countyeconomy.assistance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A common-prosperity agreement between an SOE and a county. */
@Entity
@Table(name = "agreement")
public class Agreement extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "organisation_id")
    public Long organisationId;
    @Column(name = "county_code")
    public String countyCode;
    public String title;
    @Column(name = "signed_date")
    public LocalDate signedDate;
    @Column(name = "term_start")
    public LocalDate termStart;
    @Column(name = "term_end")
    public LocalDate termEnd;
    @Column(name = "annual_amount")
    public BigDecimal annualAmount;
    @Column(name = "annual_share_percent")
    public BigDecimal annualSharePercent;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agreement_key_industry", joinColumns = @JoinColumn(name = "agreement_id"))
    @OrderColumn(name = "position")
    @Column(name = "industry")
    public List<String> keyIndustries = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    public AgreementStatus status;
    @Column(name = "status_date")
    public LocalDate statusDate;
    public boolean synthetic;
    @Version
    public long version;
}
