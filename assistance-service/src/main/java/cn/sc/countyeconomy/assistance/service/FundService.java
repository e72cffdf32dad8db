package cn.sc.countyeconomy.assistance.service;

import cn.sc.countyeconomy.api.audit.AuditTrail;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.PageResult;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.query.Filter;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.assistance.AssistanceProject;
import cn.sc.countyeconomy.assistance.FundTransaction;
import cn.sc.countyeconomy.assistance.ProjectStatus;
import cn.sc.countyeconomy.assistance.TransactionType;
import cn.sc.countyeconomy.assistance.api.NewTransaction;
import cn.sc.countyeconomy.assistance.api.TransactionView;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Fund transactions of a project. Disbursements never exceed commitments and expenditure never exceeds
 * disbursements, on the resulting totals and as of every transaction date ({@link FundLedger}); corrections
 * (admin only, with a reason, referencing what they correct, possibly negative) obey the same limits. Nothing is
 * updated in place. The check and the insert run under a row lock on the project (SELECT ... FOR UPDATE), so two
 * concurrent transactions cannot together pass a limit that each passes alone. Sums are exact (NUMERIC in SQL,
 * BigDecimal here).
 */
@ApplicationScoped
public class FundService {

    public static final String RESOURCE = "FundTransaction";

    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;
    @Inject
    SecurityIdentity identity;
    @Inject
    EntityManager em;

    /** The project's transactions of a type (all types when null), one page. */
    public PageResult<TransactionView> list(long projectId, TransactionType type, Sort sort, PageParams page) {
        ProjectService.find(projectId);
        return PageResult.of(ofProject(projectId, type).find(FundTransaction.class, sort), page, TransactionView::of);
    }

    /** All of the project's transactions of a type, for a CSV export: the rows are read when the answer is written. */
    public Supplier<Stream<TransactionView>> export(long projectId, TransactionType type, Sort sort) {
        ProjectService.find(projectId);
        Filter f = ofProject(projectId, type);
        return () -> FundTransaction.<FundTransaction>stream(f.query(), sort, f.params()).map(TransactionView::of);
    }

    public TransactionView get(long id) {
        return FundTransaction.<FundTransaction>findByIdOptional(id).map(TransactionView::of)
                .orElseThrow(() -> ApiException.notFound(RESOURCE, id));
    }

    private static Filter ofProject(long projectId, TransactionType type) {
        return Filter.where().eq("projectId", projectId).eq("type", type);
    }

    record Totals(BigDecimal committed, BigDecimal disbursed, BigDecimal spent) {
    }

    Totals totals(long projectId) {
        Map<TransactionType, BigDecimal> sums = new EnumMap<>(TransactionType.class);
        for (TransactionType t : TransactionType.values()) {
            sums.put(t, BigDecimal.ZERO.setScale(2));
        }
        Filter f = Filter.where().eq("t.projectId", projectId);
        TypedQuery<Object[]> q = em.createQuery("select t.type, coalesce(sum(t.amount), 0) from FundTransaction t where "
                + f.query() + " group by t.type", Object[].class);
        f.params().forEach(q::setParameter);
        List<Object[]> rows = q.getResultList();
        for (Object[] r : rows) {
            sums.put((TransactionType) r[0], ((BigDecimal) r[1]).setScale(2));
        }
        return new Totals(sums.get(TransactionType.COMMITMENT), sums.get(TransactionType.DISBURSEMENT),
                sums.get(TransactionType.EXPENDITURE));
    }

    @Transactional
    public TransactionView add(long projectId, NewTransaction cmd) {
        AssistanceProject p = em.find(AssistanceProject.class, projectId, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            throw ApiException.notFound(ProjectService.RESOURCE, projectId);
        }
        BigDecimal amount = cmd.amount().setScale(2);
        FundTransaction corrected = correctedBy(p, cmd, amount);
        if (cmd.providerOrganisationId() != null) {
            Lookups.organisation(cmd.providerOrganisationId(), "providerOrganisationId");
        }
        if (p.status == ProjectStatus.CANCELLED && corrected == null) {
            throw ApiException.rule("project-cancelled", "Project " + p.id + " is cancelled; only corrections may be recorded on it");
        }
        List<FundLedger.Entry> ledger = FundTransaction.<FundTransaction>list("projectId", Sort.by("date").and("id"), p.id).stream()
                .map(t -> new FundLedger.Entry(t.id, t.type, t.date, t.amount, t.correctsTransactionId)).toList();
        FundLedger.check(ledger, new FundLedger.Entry(null, cmd.type(), cmd.date(), amount, cmd.correctsTransactionId()));
        FundTransaction f = new FundTransaction();
        f.projectId = p.id;
        f.type = cmd.type();
        f.date = cmd.date();
        f.amount = amount;
        f.currency = "CNY";
        f.providerOrganisationId = cmd.providerOrganisationId();
        f.providerName = cmd.providerName().strip();
        f.receiverName = cmd.receiverName().strip();
        f.description = cmd.description();
        f.correction = corrected != null;
        f.correctsTransactionId = corrected == null ? null : corrected.id;
        f.correctionReason = cmd.correctionReason();
        f.recordedAt = Instant.now(clock);
        f.persist();
        em.flush();
        TransactionView v = TransactionView.of(f);
        audit.record(RESOURCE, f.id, corrected != null ? "CORRECT" : "CREATE", null, v,
                corrected != null ? cmd.correctionReason() : null);
        return v;
    }

    /**
     * The transaction the command corrects (null when it corrects none), after checking the correction's form:
     * admin only, with a reason, of the same project and type, dated on or after what it corrects; and a
     * negative amount only in a correction.
     */
    private FundTransaction correctedBy(AssistanceProject p, NewTransaction cmd, BigDecimal amount) {
        if (amount.signum() == 0) {
            throw ApiException.validation("amount", "must not be zero");
        }
        if (cmd.correctsTransactionId() == null) {
            if (amount.signum() < 0) {
                throw ApiException.validation("amount", "may be negative only in a correction (correctsTransactionId), was " + amount);
            }
            if (cmd.correctionReason() != null) {
                throw ApiException.validation("correctionReason", "only a correction (correctsTransactionId) has a correction reason");
            }
            return null;
        }
        if (!identity.hasRole(Roles.ADMIN)) {
            throw ApiException.forbidden("Only an admin may record a correction");
        }
        if (cmd.correctionReason() == null || cmd.correctionReason().isBlank()) {
            throw ApiException.validation("correctionReason", "a correction must say why");
        }
        FundTransaction c = FundTransaction.findById(cmd.correctsTransactionId());
        if (c == null || c.projectId != p.id) {
            throw ApiException.validation("correctsTransactionId",
                    "transaction " + cmd.correctsTransactionId() + " is not a transaction of project " + p.id);
        }
        if (c.correctsTransactionId != null) {
            throw ApiException.validation("correctsTransactionId", "transaction " + c.id + " is itself a correction; correct transaction "
                    + c.correctsTransactionId + " instead");
        }
        if (c.type != cmd.type()) {
            throw ApiException.validation("type", "a correction has the type of what it corrects: " + c.type + ", was " + cmd.type());
        }
        if (cmd.date().isBefore(c.date)) {
            throw ApiException.validation("date", "a correction is dated on or after what it corrects (" + c.date + "), was " + cmd.date());
        }
        return c;
    }
}
