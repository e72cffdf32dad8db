package cn.sc.countyeconomy.assistance.service;

import cn.sc.countyeconomy.api.audit.AuditTrail;
import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.PageResult;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.query.Filter;
import cn.sc.countyeconomy.api.security.Caller;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.assistance.AssistanceProject;
import cn.sc.countyeconomy.assistance.AssistingOrganisation;
import cn.sc.countyeconomy.assistance.FundTransaction;
import cn.sc.countyeconomy.assistance.ProjectSector;
import cn.sc.countyeconomy.assistance.ProjectStatus;
import cn.sc.countyeconomy.assistance.ProjectStatusChange;
import cn.sc.countyeconomy.assistance.ProjectTerm;
import cn.sc.countyeconomy.assistance.ResultIndicator;
import cn.sc.countyeconomy.assistance.ResultPeriod;
import cn.sc.countyeconomy.assistance.api.IndicatorView;
import cn.sc.countyeconomy.assistance.api.NewIndicator;
import cn.sc.countyeconomy.assistance.api.NewProject;
import cn.sc.countyeconomy.assistance.api.PartnerInput;
import cn.sc.countyeconomy.assistance.api.PeriodInput;
import cn.sc.countyeconomy.assistance.api.ProjectTransition;
import cn.sc.countyeconomy.assistance.api.ProjectUpdate;
import cn.sc.countyeconomy.assistance.api.ProjectView;
import cn.sc.countyeconomy.assistance.api.StatusChangeView;
import cn.sc.countyeconomy.assistance.client.UnderdevelopedCounties;
import cn.sc.countyeconomy.assistance.client.UnderdevelopedCounties.DesignatedPeriod;
import cn.sc.countyeconomy.assistance.mapping.IatiActivityMapper;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Projects and their dated status pipeline:
 * PIPELINE -> APPROVED | CANCELLED; APPROVED -> IN_PROGRESS | CANCELLED;
 * IN_PROGRESS -> COMPLETED | SUSPENDED | CANCELLED; SUSPENDED -> IN_PROGRESS | CANCELLED.
 * Approval needs the approver role. A transition's date is not in the future and not before the
 * previous transition. The first IN_PROGRESS sets the actual start, COMPLETED the actual end.
 */
@ApplicationScoped
public class ProjectService {

    public static final String RESOURCE = "Project";

    @Inject
    AuditTrail audit;
    @Inject
    SecurityIdentity identity;
    @Inject
    Caller caller;
    @Inject
    Clock clock;
    @Inject
    EntityManager em;
    @Inject
    UnderdevelopedCounties eligibility;

    /** The county must be designated underdeveloped on every day of the project's planned [plannedStart, plannedEnd]. */
    public DesignatedPeriod checkEligibility(NewProject cmd) {
        requirePlanOrdered(cmd.plannedStart(), cmd.plannedEnd());
        return eligibility.requireDesignatedThroughout(cmd.countyCode(), cmd.plannedStart(), cmd.plannedEnd());
    }

    /** A changed plan is checked again over its new period; an update that keeps both dates asks nothing (null). */
    public DesignatedPeriod checkEligibility(long id, ProjectUpdate cmd) {
        AssistanceProject p = find(id);
        requirePlanOrdered(cmd.plannedStart(), cmd.plannedEnd());
        if (!movesPlan(p, cmd)) {
            return null;
        }
        return eligibility.requireDesignatedThroughout(p.countyCode, cmd.plannedStart(), cmd.plannedEnd());
    }

    private static boolean movesPlan(AssistanceProject p, ProjectUpdate cmd) {
        return !cmd.plannedStart().equals(p.plannedStart) || !cmd.plannedEnd().equals(p.plannedEnd);
    }

    private static void requirePlanOrdered(LocalDate plannedStart, LocalDate plannedEnd) {
        if (plannedEnd.isBefore(plannedStart)) {
            throw ApiException.validation("plannedEnd", "must be on or after plannedStart (" + plannedStart + ")");
        }
    }

    public PageResult<ProjectView> list(String countyCode, String forceCode, ProjectStatus status, ProjectTerm term,
            Long leadOrganisationId, Sort sort, PageParams page) {
        Filter f = Filter.where().eq("countyCode", countyCode).eq("forceCode", forceCode).eq("status", status)
                .eq("term", term).eq("leadOrganisationId", leadOrganisationId);
        return PageResult.of(f.find(AssistanceProject.class, sort), page, ProjectView::of);
    }

    @Transactional
    public ProjectView get(long id) {
        return ProjectView.of(find(id));
    }

    static AssistanceProject find(long id) {
        return AssistanceProject.<AssistanceProject>findByIdOptional(id).orElseThrow(() -> ApiException.notFound(RESOURCE, id));
    }

    /** The project as an IATI activity, with its transactions and results. */
    @Transactional
    public Map<String, Object> iati(long id) {
        AssistanceProject p = find(id);
        List<FundTransaction> tx = FundTransaction.list("projectId", Sort.by("date").and("id"), id);
        List<ResultIndicator> results = ResultIndicator.list("projectId", Sort.by("id"), id);
        Map<Long, AssistingOrganisation> cache = new HashMap<>();
        return IatiActivityMapper.activity(p, oid -> cache.computeIfAbsent(oid, k -> AssistingOrganisation.findById(k)), tx, results);
    }

    /** The dated status history, oldest first. */
    public List<StatusChangeView> history(long id) {
        find(id);
        return ProjectStatusChange.<ProjectStatusChange>list("projectId", Sort.by("changedOn").and("id"), id).stream()
                .map(StatusChangeView::of).toList();
    }

    @Transactional
    public List<IndicatorView> results(long id) {
        find(id);
        return ResultIndicator.<ResultIndicator>list("projectId", Sort.by("id"), id).stream().map(IndicatorView::of).toList();
    }

    @Transactional
    public ProjectView create(NewProject cmd, DesignatedPeriod designation) {
        designation.require(cmd.countyCode(), cmd.plannedStart(), cmd.plannedEnd());
        AssistingOrganisation lead = Lookups.organisation(cmd.leadOrganisationId(), "leadOrganisationId");
        requirePlanOrdered(cmd.plannedStart(), cmd.plannedEnd());
        // a project is assistance under a pairing: the lead must help this county when the project starts
        if (PairingService.overlapping(lead.id, cmd.countyCode(), cmd.plannedStart(), cmd.plannedStart()).isEmpty()) {
            throw ApiException.rule("lead-organisation-not-paired", "Organisation " + lead.id + " (" + lead.name
                    + ") has no pairing with county " + cmd.countyCode() + " on " + cmd.plannedStart()
                    + "; pair it first (POST /api/v1/pairings)");
        }
        AssistanceProject p = new AssistanceProject();
        p.countyCode = cmd.countyCode();
        p.leadOrganisationId = lead.id;
        p.forceCode = lead.forceCode;
        if (cmd.partners() != null) {
            for (int i = 0; i < cmd.partners().size(); i++) {
                PartnerInput in = cmd.partners().get(i);
                Lookups.organisation(in.organisationId(), "partners[" + i + "].organisationId");
                p.partners.add(new AssistanceProject.Partner(in.organisationId(), in.role()));
            }
        }
        p.status = ProjectStatus.PIPELINE;
        apply(p, cmd.title(), cmd.description(), cmd.sector(), cmd.term(), cmd.keyProject(), cmd.plannedStart(),
                cmd.plannedEnd(), cmd.budget());
        p.persist();
        em.flush();
        ProjectView v = ProjectView.of(p);
        audit.record(RESOURCE, p.id, "CREATE", null, v);
        return v;
    }

    @Transactional
    public ProjectView update(long id, String ifMatch, ProjectUpdate cmd, DesignatedPeriod designation) {
        AssistanceProject p = find(id);
        Preconditions.requireMatch(ifMatch, p.version);
        requirePlanOrdered(cmd.plannedStart(), cmd.plannedEnd());
        if (movesPlan(p, cmd)) {
            if (designation == null) {
                throw ApiException.conflict("Project " + id + " was changed meanwhile; read it again and retry");
            }
            designation.require(p.countyCode, cmd.plannedStart(), cmd.plannedEnd());
        }
        ProjectView before = ProjectView.of(p);
        apply(p, cmd.title(), cmd.description(), cmd.sector(), cmd.term(), cmd.keyProject(), cmd.plannedStart(),
                cmd.plannedEnd(), cmd.budget());
        em.flush();
        ProjectView after = ProjectView.of(p);
        audit.record(RESOURCE, p.id, "UPDATE", before, after);
        return after;
    }

    private static void apply(AssistanceProject p, String title, String description, ProjectSector sector,
            ProjectTerm term, boolean keyProject, LocalDate plannedStart,
            LocalDate plannedEnd, BigDecimal budget) {
        p.title = title.strip();
        p.description = description;
        p.sector = sector;
        p.term = term;
        p.keyProject = keyProject;
        p.plannedStart = plannedStart;
        p.plannedEnd = plannedEnd;
        p.budget = budget.setScale(2);
    }

    @Transactional
    public ProjectView transition(long id, ProjectTransition cmd) {
        // the row lock orders concurrent transitions of one project
        AssistanceProject p = em.find(AssistanceProject.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            throw ApiException.notFound(RESOURCE, id);
        }
        ProjectStatus from = p.status;
        ProjectStatus to = cmd.status();
        if (!from.next().contains(to)) {
            throw ApiException.rule("illegal-project-transition", "A project in status " + from + " cannot become " + to
                    + "; allowed from " + from + ": " + (from.next().isEmpty() ? "none (final status)" : from.next()))
                    .with("from", from.name()).with("to", to.name());
        }
        if (to == ProjectStatus.APPROVED && !identity.hasRole(Roles.APPROVER)) {
            throw ApiException.forbidden("Approving a project needs the approver role");
        }
        if (cmd.date().isAfter(LocalDate.now(clock))) {
            throw ApiException.rule("transition-date-in-future", "A status change is recorded when it happened; "
                    + cmd.date() + " is in the future");
        }
        List<ProjectStatusChange> history = ProjectStatusChange.list("projectId", Sort.by("changedOn").and("id"), p.id);
        if (!history.isEmpty() && cmd.date().isBefore(history.get(history.size() - 1).changedOn)) {
            throw ApiException.rule("transition-date-before-previous", "The previous status change was on "
                    + history.get(history.size() - 1).changedOn + "; " + cmd.date() + " is earlier");
        }
        ProjectView before = ProjectView.of(p);
        p.status = to;
        if (to == ProjectStatus.IN_PROGRESS && p.actualStart == null) {
            p.actualStart = cmd.date();
        }
        if (to == ProjectStatus.COMPLETED || to == ProjectStatus.CANCELLED) {
            p.actualEnd = cmd.date();
        }
        ProjectStatusChange c = new ProjectStatusChange();
        c.projectId = p.id;
        c.fromStatus = from;
        c.toStatus = to;
        c.changedOn = cmd.date();
        c.reason = cmd.reason();
        c.recordedAt = Instant.now(clock);
        c.recordedBy = caller.subject();
        c.persist();
        em.flush();
        ProjectView after = ProjectView.of(p);
        audit.record(RESOURCE, p.id, "STATUS_CHANGE", before, after, cmd.reason());
        return after;
    }

    @Transactional
    public IndicatorView addIndicator(long projectId, NewIndicator cmd) {
        AssistanceProject p = find(projectId);
        ResultIndicator i = new ResultIndicator();
        i.projectId = p.id;
        applyIndicator(i, cmd);
        i.persist();
        em.flush();
        IndicatorView v = IndicatorView.of(i);
        audit.record("ResultIndicator", i.id, "CREATE", null, v);
        return v;
    }

    /** Replaces an indicator's title, baseline and periods (typically to record actuals); needs If-Match. */
    @Transactional
    public IndicatorView updateIndicator(long projectId, long indicatorId, String ifMatch, NewIndicator cmd) {
        AssistanceProject p = find(projectId);
        ResultIndicator i = ResultIndicator.findById(indicatorId);
        if (i == null || !i.projectId.equals(p.id)) {
            throw ApiException.notFound("ResultIndicator", indicatorId);
        }
        Preconditions.requireMatch(ifMatch, i.version);
        IndicatorView before = IndicatorView.of(i);
        applyIndicator(i, cmd);
        // replacing the periods (a collection of the indicator) moves the indicator's version on
        em.flush();
        IndicatorView after = IndicatorView.of(i);
        audit.record("ResultIndicator", i.id, "UPDATE", before, after);
        return after;
    }

    private static void applyIndicator(ResultIndicator i, NewIndicator cmd) {
        i.title = cmd.title().strip();
        i.unit = cmd.unit().strip();
        i.baselineYear = cmd.baselineYear();
        // stored as NUMERIC(18,2): answer now with the scale a later read will have
        i.baselineValue = cmd.baselineValue().setScale(2);
        i.periods.clear();
        for (int k = 0; k < cmd.periods().size(); k++) {
            PeriodInput in = cmd.periods().get(k);
            if (in.periodEnd().isBefore(in.periodStart())) {
                throw ApiException.validation("periods[" + k + "].periodEnd", "must be on or after periodStart");
            }
            ResultPeriod rp = new ResultPeriod();
            rp.periodStart = in.periodStart();
            rp.periodEnd = in.periodEnd();
            rp.targetValue = in.target().setScale(2);
            rp.actualValue = in.actual() == null ? null : in.actual().setScale(2);
            i.periods.add(rp);
        }
    }
}
