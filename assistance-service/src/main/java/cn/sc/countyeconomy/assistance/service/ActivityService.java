package cn.sc.countyeconomy.assistance.service;

import cn.sc.countyeconomy.api.audit.AuditTrail;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.PageResult;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.query.Filter;
import cn.sc.countyeconomy.assistance.AssistingOrganisation;
import cn.sc.countyeconomy.assistance.CadreExchange;
import cn.sc.countyeconomy.assistance.TrainingRecord;
import cn.sc.countyeconomy.assistance.api.CadreExchangeView;
import cn.sc.countyeconomy.assistance.api.NewCadreExchange;
import cn.sc.countyeconomy.assistance.api.NewTraining;
import cn.sc.countyeconomy.assistance.api.TrainingView;
import cn.sc.countyeconomy.assistance.client.UnderdevelopedCounties;
import cn.sc.countyeconomy.assistance.client.UnderdevelopedCounties.DesignatedPeriod;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
}
