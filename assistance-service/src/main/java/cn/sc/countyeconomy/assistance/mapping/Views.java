package cn.sc.countyeconomy.assistance.mapping;

import cn.sc.countyeconomy.assistance.Agreement;
import cn.sc.countyeconomy.assistance.AgreementStatus;
import cn.sc.countyeconomy.assistance.AssistanceProject;
import cn.sc.countyeconomy.assistance.AssistingOrganisation;
import cn.sc.countyeconomy.assistance.CadreExchange;
import cn.sc.countyeconomy.assistance.FundTransaction;
import cn.sc.countyeconomy.assistance.OrganisationKind;
import cn.sc.countyeconomy.assistance.Pairing;
import cn.sc.countyeconomy.assistance.ProjectSector;
import cn.sc.countyeconomy.assistance.ProjectStatus;
import cn.sc.countyeconomy.assistance.ProjectStatusChange;
import cn.sc.countyeconomy.assistance.ProjectTerm;
import cn.sc.countyeconomy.assistance.ResultIndicator;
import cn.sc.countyeconomy.assistance.TaskForceTask;
import cn.sc.countyeconomy.assistance.TrainingRecord;
import cn.sc.countyeconomy.assistance.TransactionType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/** What the API answers: one record per resource, built from the entities. */
public final class Views {

    private Views() {
    }

    @Schema(name = "Organisation", description = "An assisting organisation and the force it belongs to.")
    public record OrganisationView(long id, String name, String nameEn, OrganisationKind kind, String forceCode,
                                   @Schema(description = "True for demo data made by POST /api/v1/demo-data.") boolean synthetic,
                                   long version) {
        public static OrganisationView of(AssistingOrganisation o) {
            return new OrganisationView(o.id, o.name, o.nameEn, o.kind, o.forceCode, o.synthetic, o.version);
        }
    }

    @Schema(name = "Pairing", description = "An organisation helps a county under a force from validFrom to validTo (inclusive; open when absent).")
    public record PairingView(long id, long organisationId, String countyCode, String countyName, String forceCode,
                              LocalDate validFrom, LocalDate validTo, boolean synthetic, long version) {
        public static PairingView of(Pairing p) {
            return new PairingView(p.id, p.organisationId, p.countyCode, p.countyName, p.forceCode, p.validFrom, p.validTo,
                    p.synthetic, p.version);
        }
    }

    @Schema(name = "Agreement", description = "A common-prosperity agreement of an SOE with a county. Exactly one of annualAmount (CNY) and annualSharePercent is set.")
    public record AgreementView(long id, long organisationId, String countyCode, String title, LocalDate signedDate,
                                LocalDate termStart, LocalDate termEnd, BigDecimal annualAmount, BigDecimal annualSharePercent,
                                List<String> keyIndustries, AgreementStatus status, LocalDate statusDate,
                                boolean synthetic, long version) {
        public static AgreementView of(Agreement a) {
            return new AgreementView(a.id, a.organisationId, a.countyCode, a.title, a.signedDate, a.termStart, a.termEnd,
                    a.annualAmount, a.annualSharePercent, List.copyOf(a.keyIndustries), a.status, a.statusDate,
                    a.synthetic, a.version);
        }
    }

    @Schema(name = "ProjectPartner")
    public record PartnerView(long organisationId, AssistanceProject.PartnerRole role) {
    }

    @Schema(name = "Project", description = "An assistance project in a county (an IATI activity).")
    public record ProjectView(long id, String countyCode, String forceCode, long leadOrganisationId, List<PartnerView> partners,
                              String title, String description, ProjectSector sector, ProjectTerm term, boolean keyProject,
                              LocalDate plannedStart, LocalDate plannedEnd, LocalDate actualStart, LocalDate actualEnd,
                              ProjectStatus status, BigDecimal budget, boolean synthetic, long version) {
        public static ProjectView of(AssistanceProject p) {
            List<PartnerView> partners = p.partners.stream()
                    .map(x -> new PartnerView(x.organisationId, x.role))
                    .sorted(Comparator.comparing(PartnerView::organisationId).thenComparing(PartnerView::role))
                    .toList();
            return new ProjectView(p.id, p.countyCode, p.forceCode, p.leadOrganisationId, partners, p.title, p.description,
                    p.sector, p.term, p.keyProject, p.plannedStart, p.plannedEnd, p.actualStart, p.actualEnd, p.status,
                    p.budget, p.synthetic, p.version);
        }
    }

    @Schema(name = "ProjectStatusChange")
    public record StatusChangeView(long id, ProjectStatus fromStatus, ProjectStatus toStatus, LocalDate changedOn,
                                   String reason, Instant recordedAt, String recordedBy) {
        public static StatusChangeView of(ProjectStatusChange c) {
            return new StatusChangeView(c.id, c.fromStatus, c.toStatus, c.changedOn, c.reason, c.recordedAt, c.recordedBy);
        }
    }

    @Schema(name = "ResultPeriod")
    public record PeriodView(LocalDate periodStart, LocalDate periodEnd, BigDecimal target, BigDecimal actual) {
    }

    @Schema(name = "ResultIndicator", description = "A result indicator with its baseline and target/actual per period.")
    public record IndicatorView(long id, long projectId, String title, String unit, int baselineYear, BigDecimal baselineValue,
                                List<PeriodView> periods, long version) {
        public static IndicatorView of(ResultIndicator i) {
            return new IndicatorView(i.id, i.projectId, i.title, i.unit, i.baselineYear, i.baselineValue,
                    i.periods.stream().map(p -> new PeriodView(p.periodStart, p.periodEnd, p.targetValue, p.actualValue)).toList(),
                    i.version);
        }
    }

    @com.fasterxml.jackson.annotation.JsonPropertyOrder({"id", "projectId", "type", "iatiTransactionType", "date", "amount", "currency",
            "providerOrganisationId", "providerName", "receiverName", "description", "correction", "correctionReason", "synthetic", "recordedAt"})
    @Schema(name = "FundTransaction", description = "A commitment, disbursement or expenditure in CNY (exact decimal, 2 places).")
    public record TransactionView(long id, long projectId, TransactionType type,
                                  @Schema(description = "IATI transaction-type code: 2 commitment, 3 disbursement, 4 expenditure") String iatiTransactionType,
                                  LocalDate date, BigDecimal amount, String currency, Long providerOrganisationId,
                                  String providerName, String receiverName, String description, boolean correction,
                                  String correctionReason, boolean synthetic, Instant recordedAt) {
        public static TransactionView of(FundTransaction t) {
            return new TransactionView(t.id, t.projectId, t.type, t.type.iatiCode(), t.date, t.amount, t.currency,
                    t.providerOrganisationId, t.providerName, t.receiverName, t.description, t.correction,
                    t.correctionReason, t.synthetic, t.recordedAt);
        }
    }

    @Schema(name = "TrainingRecord")
    public record TrainingView(long id, String countyCode, int year, Long organiserOrganisationId, String organiserName,
                               int peopleTrained, TrainingRecord.TrainingKind kind, boolean synthetic) {
        public static TrainingView of(TrainingRecord t) {
            return new TrainingView(t.id, t.countyCode, t.year, t.organiserOrganisationId, t.organiserName, t.peopleTrained,
                    t.kind, t.synthetic);
        }
    }

    @Schema(name = "CadreExchange", description = "Cadres of a county trained by a helper organisation: a count only, no personal data.")
    public record CadreExchangeView(long id, String countyCode, long organisationId, CadreExchange.ExchangeKind kind,
                                    LocalDate periodStart, LocalDate periodEnd, int people, boolean synthetic) {
        public static CadreExchangeView of(CadreExchange c) {
            return new CadreExchangeView(c.id, c.countyCode, c.organisationId, c.kind, c.periodStart, c.periodEnd, c.people,
                    c.synthetic);
        }
    }

    @Schema(name = "Task", description = "A task on a county task force's list. overdue is computed: deadline passed and not done.")
    public record TaskView(long id, String countyCode, String title, String responsibleUnit, LocalDate deadline,
                           TaskForceTask.TaskStatus status, LocalDate completedOn, String evidenceUrl, boolean overdue,
                           boolean synthetic, long version) {
        public static TaskView of(TaskForceTask t, LocalDate today) {
            return new TaskView(t.id, t.countyCode, t.title, t.responsibleUnit, t.deadline, t.status, t.completedOn,
                    t.evidenceUrl, t.overdueOn(today), t.synthetic, t.version);
        }
    }
}
