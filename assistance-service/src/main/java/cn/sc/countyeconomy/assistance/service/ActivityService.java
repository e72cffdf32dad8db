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
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Training records and cadre exchanges: counts of people, never their identities. */
@ApplicationScoped
public class ActivityService {

    @Inject
    AuditTrail audit;
    @Inject
    EntityManager em;

    @Transactional
    public TrainingView addTraining(NewTraining cmd) {
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
    public CadreExchangeView addCadreExchange(NewCadreExchange cmd) {
        AssistingOrganisation o = Lookups.organisation(cmd.organisationId(), "organisationId");
        if (cmd.periodEnd().isBefore(cmd.periodStart())) {
            throw ApiException.validation("periodEnd", "must be on or after periodStart (" + cmd.periodStart() + ")");
        }
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
