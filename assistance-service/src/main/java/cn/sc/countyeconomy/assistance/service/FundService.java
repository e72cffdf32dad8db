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
 * Fund transactions of a project. Cumulative disbursements never exceed cumulative commitments, and
 * cumulative expenditure never exceeds cumulative disbursements, over all of the project's
 * transactions, unless a transaction is flagged as a correction (admin only, with a reason). The
 * check and the insert run under a row lock on the project (SELECT ... FOR UPDATE), so two
 * concurrent transactions cannot together pass a limit that each passes alone. Sums are exact
 * (NUMERIC in SQL, BigDecimal here).
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
        if (cmd.correction()) {
            if (!identity.hasRole(Roles.ADMIN)) {
                throw ApiException.forbidden("Only an admin may record a correction that passes the cumulative fund rules");
            }
            if (cmd.correctionReason() == null || cmd.correctionReason().isBlank()) {
                throw ApiException.validation("correctionReason", "a correction must say why");
            }
        } else if (cmd.correctionReason() != null) {
            throw ApiException.validation("correctionReason", "only a transaction with correction=true has a correction reason");
        }
        if (cmd.providerOrganisationId() != null) {
            Lookups.organisation(cmd.providerOrganisationId(), "providerOrganisationId");
        }
        if (p.status == ProjectStatus.CANCELLED && !cmd.correction()) {
            throw ApiException.rule("project-cancelled", "Project " + p.id + " is cancelled; only corrections may be recorded on it");
        }
        BigDecimal amount = cmd.amount().setScale(2);
        Totals t = totals(p.id);
        if (!cmd.correction()) {
            if (cmd.type() == TransactionType.DISBURSEMENT && t.disbursed().add(amount).compareTo(t.committed()) > 0) {
                throw ApiException.rule("disbursement-exceeds-commitment", "Disbursing " + amount + " CNY would bring "
                        + "disbursements to " + t.disbursed().add(amount) + " CNY, above the " + t.committed()
                        + " CNY committed (" + t.committed().subtract(t.disbursed()) + " CNY can still be disbursed)")
                        .with("committed", t.committed()).with("disbursed", t.disbursed()).with("requested", amount)
                        .with("available", t.committed().subtract(t.disbursed()));
            }
            if (cmd.type() == TransactionType.EXPENDITURE && t.spent().add(amount).compareTo(t.disbursed()) > 0) {
                throw ApiException.rule("expenditure-exceeds-disbursement", "Spending " + amount + " CNY would bring "
                        + "expenditure to " + t.spent().add(amount) + " CNY, above the " + t.disbursed()
                        + " CNY disbursed (" + t.disbursed().subtract(t.spent()) + " CNY can still be spent)")
                        .with("disbursed", t.disbursed()).with("spent", t.spent()).with("requested", amount)
                        .with("available", t.disbursed().subtract(t.spent()));
            }
        }
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
        f.correction = cmd.correction();
        f.correctionReason = cmd.correctionReason();
        f.recordedAt = Instant.now(clock);
        f.persist();
        em.flush();
        TransactionView v = TransactionView.of(f);
        audit.record(RESOURCE, f.id, cmd.correction() ? "CREATE_CORRECTION" : "CREATE", null, v,
                cmd.correction() ? cmd.correctionReason() : null);
        return v;
    }
}
