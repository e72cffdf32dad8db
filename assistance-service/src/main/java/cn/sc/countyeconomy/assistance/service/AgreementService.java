package cn.sc.countyeconomy.assistance.service;

import cn.sc.countyeconomy.api.audit.AuditTrail;
import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.PageResult;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.query.Filter;
import cn.sc.countyeconomy.assistance.Agreement;
import cn.sc.countyeconomy.assistance.AgreementStatus;
import cn.sc.countyeconomy.assistance.AssistingOrganisation;
import cn.sc.countyeconomy.assistance.api.AgreementTransition;
import cn.sc.countyeconomy.assistance.api.AgreementView;
import cn.sc.countyeconomy.assistance.api.NewAgreement;
import cn.sc.countyeconomy.assistance.client.UnderdevelopedCounties;
import cn.sc.countyeconomy.assistance.client.UnderdevelopedCounties.DesignatedPeriod;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;

/**
 * Common-prosperity agreements of SOEs with counties. Status rules: DRAFT -> SIGNED on the signing
 * date (not in the future); SIGNED -> IN_FORCE on a date within the term and not before signing;
 * IN_FORCE -> EXPIRED on or after the term's end. Nothing else.
 */
@ApplicationScoped
public class AgreementService {

    public static final String RESOURCE = "Agreement";

    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;
    @Inject
    EntityManager em;
    @Inject
    UnderdevelopedCounties eligibility;

    public PageResult<AgreementView> list(String countyCode, Long organisationId, AgreementStatus status, Sort sort, PageParams page) {
        Filter f = Filter.where().eq("countyCode", countyCode).eq("organisationId", organisationId).eq("status", status);
        return PageResult.of(f.find(Agreement.class, sort), page, AgreementView::of);
    }

    public AgreementView get(long id) {
        return AgreementView.of(find(id));
    }

    private static Agreement find(long id) {
        return Agreement.<Agreement>findByIdOptional(id).orElseThrow(() -> ApiException.notFound(RESOURCE, id));
    }

    /**
     * The county must be designated underdeveloped on every day of the agreement's term [termStart,
     * termEnd) (termEnd is the first day the agreement no longer runs). Asked before the write's
     * transaction opens; 503 when the registry is down.
     */
    public DesignatedPeriod checkEligibility(NewAgreement cmd) {
        requireTermOrdered(cmd);
        return eligibility.requireDesignatedThroughout(cmd.countyCode(), cmd.termStart(), cmd.termEnd().minusDays(1));
    }

    private static void requireTermOrdered(NewAgreement cmd) {
        if (!cmd.termEnd().isAfter(cmd.termStart())) {
            throw ApiException.validation("termEnd", "must be after termStart (" + cmd.termStart() + ")");
        }
    }

    @Transactional
    public AgreementView create(NewAgreement cmd, DesignatedPeriod designation) {
        designation.require(cmd.countyCode(), cmd.termStart(), cmd.termEnd().minusDays(1));
        AssistingOrganisation org = Lookups.organisation(cmd.organisationId(), "organisationId");
        if (!org.kind.isSoe()) {
            throw ApiException.rule("agreement-requires-soe", "Common-prosperity agreements are signed by provincial or central SOEs; organisation "
                    + org.id + " is a " + org.kind);
        }
        requireTermOrdered(cmd);
        if ((cmd.annualAmount() == null) == (cmd.annualSharePercent() == null)) {
            throw ApiException.validation("annualAmount", "give exactly one of annualAmount and annualSharePercent");
        }
        Agreement a = new Agreement();
        a.organisationId = org.id;
        a.countyCode = cmd.countyCode();
        a.title = cmd.title().strip();
        a.termStart = cmd.termStart();
        a.termEnd = cmd.termEnd();
        a.annualAmount = cmd.annualAmount() == null ? null : cmd.annualAmount().setScale(2);
        a.annualSharePercent = cmd.annualSharePercent() == null ? null : cmd.annualSharePercent().setScale(2);
        a.keyIndustries = new ArrayList<>(cmd.keyIndustries().stream().map(String::strip).toList());
        a.status = AgreementStatus.DRAFT;
        a.persist();
        em.flush();
        AgreementView v = AgreementView.of(a);
        audit.record(RESOURCE, a.id, "CREATE", null, v);
        return v;
    }

    @Transactional
    public AgreementView transition(long id, String ifMatch, AgreementTransition cmd) {
        Agreement a = find(id);
        Preconditions.requireMatch(ifMatch, a.version);
        AgreementView before = AgreementView.of(a);
        if (!a.status.next().contains(cmd.status())) {
            throw ApiException.rule("illegal-agreement-transition", "An agreement in status " + a.status
                    + " cannot become " + cmd.status() + "; allowed: " + a.status.next())
                    .with("from", a.status.name()).with("to", cmd.status().name());
        }
        switch (cmd.status()) {
            case SIGNED -> {
                if (cmd.date().isAfter(LocalDate.now(clock))) {
                    throw dateRule("An agreement cannot be signed on a future date (" + cmd.date() + ")");
                }
                a.signedDate = cmd.date();
            }
            case IN_FORCE -> {
                if (cmd.date().isBefore(a.termStart) || !cmd.date().isBefore(a.termEnd) || cmd.date().isBefore(a.signedDate)) {
                    throw dateRule("An agreement comes into force on a date within its term [" + a.termStart + ", "
                            + a.termEnd + ") and not before it was signed (" + a.signedDate + "); " + cmd.date() + " is not");
                }
            }
            case EXPIRED -> {
                if (cmd.date().isBefore(a.termEnd)) {
                    throw dateRule("An agreement expires on or after the end of its term (" + a.termEnd + "), not " + cmd.date());
                }
            }
            default -> throw new IllegalStateException("unreachable: " + cmd.status());
        }
        a.status = cmd.status();
        a.statusDate = cmd.date();
        em.flush();
        AgreementView after = AgreementView.of(a);
        audit.record(RESOURCE, a.id, "STATUS_CHANGE", before, after);
        return after;
    }

    private static ApiException dateRule(String detail) {
        return ApiException.rule("agreement-transition-date", detail);
    }
}
