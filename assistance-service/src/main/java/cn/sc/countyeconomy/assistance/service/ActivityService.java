package cn.sc.countyeconomy.assistance.service;

import cn.sc.countyeconomy.api.audit.AuditTrail;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.PageResult;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.query.Filter;
import cn.sc.countyeconomy.api.security.Caller;
import cn.sc.countyeconomy.assistance.AssistingOrganisation;
import cn.sc.countyeconomy.assistance.CadreExchange;
import cn.sc.countyeconomy.assistance.TrainingRecord;
import cn.sc.countyeconomy.assistance.api.CadreExchangeView;
import cn.sc.countyeconomy.assistance.api.NewCadreExchange;
import cn.sc.countyeconomy.assistance.api.NewReversal;
import cn.sc.countyeconomy.assistance.api.NewTraining;
import cn.sc.countyeconomy.assistance.api.TrainingView;
import cn.sc.countyeconomy.assistance.client.UnderdevelopedCounties;
import cn.sc.countyeconomy.assistance.client.UnderdevelopedCounties.DesignatedPeriod;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.LocalDate;

/** Training records and cadre exchanges: counts of people, never their identities. */
@ApplicationScoped
public class ActivityService {

    @Inject
    AuditTrail audit;
    @Inject
    EntityManager em;
    @Inject
    UnderdevelopedCounties eligibility;
    @Inject
    Caller caller;

    /** A training record counts for its whole year: the county must be designated on every day of it. */
    public DesignatedPeriod checkEligibility(NewTraining cmd) {
        return eligibility.requireDesignatedThroughout(cmd.countyCode(), yearStart(cmd.year()), yearEnd(cmd.year()));
    }

    /** A cadre exchange: the county must be designated on every day of [periodStart, periodEnd]. */
    public DesignatedPeriod checkEligibility(NewCadreExchange cmd) {
        requireOrdered(cmd);
        return eligibility.requireDesignatedThroughout(cmd.countyCode(), cmd.periodStart(), cmd.periodEnd());
    }

    private static LocalDate yearStart(int year) {
        return LocalDate.of(year, 1, 1);
    }

    private static LocalDate yearEnd(int year) {
        return LocalDate.of(year, 12, 31);
    }

    private static void requireOrdered(NewCadreExchange cmd) {
        if (cmd.periodEnd().isBefore(cmd.periodStart())) {
            throw ApiException.validation("periodEnd", "must be on or after periodStart (" + cmd.periodStart() + ")");
        }
    }

    @Transactional
    public TrainingView addTraining(NewTraining cmd, DesignatedPeriod designation) {
        designation.require(cmd.countyCode(), yearStart(cmd.year()), yearEnd(cmd.year()));
        TrainingRecord t = new TrainingRecord();
        if (cmd.organiserOrganisationId() != null) {
            AssistingOrganisation o = Lookups.organisation(cmd.organiserOrganisationId(), "organiserOrganisationId");
            t.organiserOrganisationId = o.id;
        }
        t.countyCode = cmd.countyCode();
        t.year = cmd.year();
        t.organiserName = cmd.organiserName().strip();
        t.peopleTrained = cmd.peopleTrained();
        t.kind = cmd.kind();
        t.recordedBy = caller.subject();
        t.persist();
        em.flush();
        TrainingView v = TrainingView.of(t);
        audit.record("TrainingRecord", t.id, "CREATE", null, v);
        return v;
    }

    @Transactional
    public CadreExchangeView addCadreExchange(NewCadreExchange cmd, DesignatedPeriod designation) {
        designation.require(cmd.countyCode(), cmd.periodStart(), cmd.periodEnd());
        AssistingOrganisation o = Lookups.organisation(cmd.organisationId(), "organisationId");
        requireOrdered(cmd);
        CadreExchange c = new CadreExchange();
        c.countyCode = cmd.countyCode();
        c.organisationId = o.id;
        c.kind = cmd.kind();
        c.periodStart = cmd.periodStart();
        c.periodEnd = cmd.periodEnd();
        c.people = cmd.people();
        c.recordedBy = caller.subject();
        c.persist();
        em.flush();
        CadreExchangeView v = CadreExchangeView.of(c);
        audit.record("CadreExchange", c.id, "CREATE", null, v);
        return v;
    }

    public PageResult<TrainingView> training(String countyCode, Integer year, Sort sort, PageParams page) {
        Filter f = Filter.where().eq("countyCode", countyCode).eq("year", year);
        return PageResult.of(f.find(TrainingRecord.class, sort), page, TrainingView::of);
    }

    public TrainingView training(long id) {
        return TrainingRecord.<TrainingRecord>findByIdOptional(id).map(TrainingView::of)
                .orElseThrow(() -> ApiException.notFound("TrainingRecord", id));
    }

    public PageResult<CadreExchangeView> cadreExchanges(String countyCode, Long organisationId, Sort sort, PageParams page) {
        Filter f = Filter.where().eq("countyCode", countyCode).eq("organisationId", organisationId);
        return PageResult.of(f.find(CadreExchange.class, sort), page, CadreExchangeView::of);
    }

    public CadreExchangeView cadreExchange(long id) {
        return CadreExchange.<CadreExchange>findByIdOptional(id).map(CadreExchangeView::of)
                .orElseThrow(() -> ApiException.notFound("CadreExchange", id));
    }

    /**
     * Reverses a training record: a record of its own with minus its count, referencing it, with the reason and
     * the author; the original stays. Refused (409) for a reversal or a record already reversed; the original is
     * locked first, so two concurrent reversals cannot both pass. No eligibility check: a reversal takes away.
     */
    @Transactional
    public TrainingView reverseTraining(long id, NewReversal cmd) {
        TrainingRecord original = TrainingRecord.<TrainingRecord>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ApiException.notFound("TrainingRecord", id));
        requireReversible("TrainingRecord", "/api/v1/training-records/", id, original.reversesId,
                TrainingRecord.find("reversesId", id).<TrainingRecord>firstResultOptional().map(r -> r.id).orElse(null));
        TrainingRecord r = new TrainingRecord();
        r.countyCode = original.countyCode;
        r.year = original.year;
        r.organiserOrganisationId = original.organiserOrganisationId;
        r.organiserName = original.organiserName;
        r.peopleTrained = -original.peopleTrained;
        r.kind = original.kind;
        r.synthetic = original.synthetic;
        r.reverses(original.id, cmd.reason(), caller.subject());
        r.persist();
        em.flush();
        TrainingView v = TrainingView.of(r);
        audit.record("TrainingRecord", r.id, "REVERSE", null, v, r.reversalReason);
        return v;
    }

    /** Reverses a cadre exchange, as {@link #reverseTraining(long, NewReversal)} does a training record. */
    @Transactional
    public CadreExchangeView reverseCadreExchange(long id, NewReversal cmd) {
        CadreExchange original = CadreExchange.<CadreExchange>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ApiException.notFound("CadreExchange", id));
        requireReversible("CadreExchange", "/api/v1/cadre-exchanges/", id, original.reversesId,
                CadreExchange.find("reversesId", id).<CadreExchange>firstResultOptional().map(r -> r.id).orElse(null));
        CadreExchange r = new CadreExchange();
        r.countyCode = original.countyCode;
        r.organisationId = original.organisationId;
        r.kind = original.kind;
        r.periodStart = original.periodStart;
        r.periodEnd = original.periodEnd;
        r.people = -original.people;
        r.synthetic = original.synthetic;
        r.reverses(original.id, cmd.reason(), caller.subject());
        r.persist();
        em.flush();
        CadreExchangeView v = CadreExchangeView.of(r);
        audit.record("CadreExchange", r.id, "REVERSE", null, v, r.reversalReason);
        return v;
    }

    private static void requireReversible(String kind, String base, long id, Long reverses, Long reversedBy) {
        if (reverses != null) {
            throw ApiException.conflict(kind + " " + id + " is itself the reversal of " + reverses + "; a reversal is not reversed")
                    .with("reversesId", reverses);
        }
        if (reversedBy != null) {
            throw ApiException.conflict(kind + " " + id + " is already reversed by " + reversedBy + " (" + base + reversedBy + ")")
                    .with("reversedById", reversedBy);
        }
    }

    /** PUT and DELETE would rewrite history: refused (409), pointing to the reversal operation. */
    public static ApiException rewriteRefused(String kind, String base, long id) {
        String reversal = base + id + "/reversal";
        return ApiException.conflict(kind + " records are never changed or deleted; record a reversal with POST " + reversal
                + " (reason required), then create the corrected record").with("reversal", reversal);
    }
}
