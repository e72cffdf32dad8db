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

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A commitment, disbursement or expenditure of a project, in CNY. Never changed once written: a mistake is put
 * right by a correction, a transaction of its own that references the one it corrects and may be negative (a
 * reversal is a correction by minus the whole amount).
 */
@Entity
@Table(name = "fund_transaction")
public class FundTransaction extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "project_id")
    public Long projectId;
    @Enumerated(EnumType.STRING)
    public TransactionType type;
    @Column(name = "transaction_date")
    public LocalDate date;
    public BigDecimal amount;
    public String currency = "CNY";
    @Column(name = "provider_organisation_id")
    public Long providerOrganisationId;
    @Column(name = "provider_name")
    public String providerName;
    @Column(name = "receiver_name")
    public String receiverName;
    public String description;
    public boolean correction;
    @Column(name = "correction_reason")
    public String correctionReason;
    @Column(name = "corrects_transaction_id")
    public Long correctsTransactionId;
    public boolean synthetic;
    @Column(name = "recorded_at")
    public Instant recordedAt;
}
