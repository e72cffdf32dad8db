package cn.sc.countyeconomy.reformpilot.service;

import cn.sc.countyeconomy.api.audit.AuditTrail;
import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.PageResult;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.problem.Problem;
import cn.sc.countyeconomy.api.query.Filter;
import cn.sc.countyeconomy.api.security.Caller;
import cn.sc.countyeconomy.reformpilot.Evaluation;
import cn.sc.countyeconomy.reformpilot.Experience;
import cn.sc.countyeconomy.reformpilot.ExperienceReplication;
import cn.sc.countyeconomy.reformpilot.Pilot;
import cn.sc.countyeconomy.reformpilot.PilotStatus;
import cn.sc.countyeconomy.reformpilot.ProgressReport;
import cn.sc.countyeconomy.reformpilot.api.EvaluationView;
import cn.sc.countyeconomy.reformpilot.api.ExperienceView;
import cn.sc.countyeconomy.reformpilot.api.NewEvaluation;
import cn.sc.countyeconomy.reformpilot.api.NewExperience;
import cn.sc.countyeconomy.reformpilot.api.NewReplication;
import cn.sc.countyeconomy.reformpilot.api.NewReport;
import cn.sc.countyeconomy.reformpilot.api.ReplicationView;
import cn.sc.countyeconomy.reformpilot.api.ReportView;
import cn.sc.countyeconomy.reformpilot.config.ReformPilotConfig;
import cn.sc.countyeconomy.registry.client.RegistryCounty;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Progress reports, evaluations and experiences of pilots. */
@ApplicationScoped
public class ReportService {

    @Inject
    PilotService pilots;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    @Inject
    ReformPilotConfig config;

    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    public ReportView report(long id) {
        return ReportView.of(requireReport(id));
    }

    private static ProgressReport requireReport(long id) {
        return ProgressReport.<ProgressReport>findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Progress report", id));
    }

    /** The progress reports of a pilot, one page. */
    public PageResult<ReportView> reports(long pilotId, Sort sort, PageParams paging) {
        pilots.require(pilotId);
        return PageResult.of(Filter.where().eq("pilotId", pilotId).find(ProgressReport.class, sort), paging, ReportView::of);
    }

    /**
     * A report is due {@code reform-pilot.report-due-days} after its quarter ends; it is late when
     * first submitted after that day. A report may be sent once its quarter has begun.
     */
    @Transactional
    public ReportView submit(long pilotId, NewReport r) {
        Pilot p = pilots.requireWritable(pilotId);
        if (!p.status.isActive()) {
            throw ApiException.rule("pilot-not-reporting", "Pilot " + pilotId + " is " + p.status
                    + "; only APPROVED, IMPLEMENTING and UNDER_EVALUATION pilots report progress");
        }
        ReportingPeriod period = ReportingPeriod.parse(r.period());
        LocalDate today = pilots.today();
        if (period.start().isAfter(today)) {
            throw ApiException.validation("period", period + " has not begun (today is " + today + ")");
        }
        if (ProgressReport.count("pilotId = ?1 and period = ?2", pilotId, period.toString()) > 0) {
            throw ApiException.conflict("Pilot " + pilotId + " has a report for " + period + " already");
        }
        ProgressReport rep = new ProgressReport();
        rep.pilotId = pilotId;
        rep.period = period.toString();
        rep.periodEnd = period.end();
        rep.dueDate = period.dueDate(config.reportDueDays());
        rep.submittedOn = today;
        rep.late = today.isAfter(rep.dueDate);
        rep.status = r.status();
        rep.narrative = r.narrative();
        rep.figures = new ArrayList<>(r.figures() == null ? List.of() : r.figures());
        rep.evidenceLinks = new ArrayList<>(r.evidenceLinks() == null ? List.of() : r.evidenceLinks());
        try {
            rep.persist();
            em.flush();
        } catch (PersistenceException e) {
            throw ApiException.conflict("Pilot " + pilotId + " received a report for " + period + " from another request at the same moment");
        }
        ReportView created = ReportView.of(rep);
        audit.record("ProgressReport", rep.id, "CREATE", null, created);
        return created;
    }

    /** Corrections keep the period, the submission date and the lateness of the first submission. */
    @Transactional
    public ReportView correct(long id, String ifMatch, NewReport r) {
        ProgressReport rep = requireReport(id);
        pilots.requireWritable(rep.pilotId);
        Preconditions.requireMatch(ifMatch, rep.version);
        if (!rep.period.equals(r.period())) {
            throw ApiException.validation("period", "a report's period cannot change (it is " + rep.period + ")");
        }
        ReportView before = ReportView.of(rep);
        rep.status = r.status();
        rep.narrative = r.narrative();
        rep.figures = new ArrayList<>(r.figures() == null ? List.of() : r.figures());
        rep.evidenceLinks = new ArrayList<>(r.evidenceLinks() == null ? List.of() : r.evidenceLinks());
        em.flush();
        ReportView after = ReportView.of(rep);
        audit.record("ProgressReport", rep.id, "UPDATE", before, after);
        return after;
    }

    public EvaluationView evaluation(long id) {
        return Evaluation.<Evaluation>findByIdOptional(id).map(EvaluationView::of)
                .orElseThrow(() -> ApiException.notFound("Evaluation", id));
    }

    /** The evaluations of a pilot, one page. */
    public PageResult<EvaluationView> evaluations(long pilotId, Sort sort, PageParams paging) {
        pilots.require(pilotId);
        return PageResult.of(Filter.where().eq("pilotId", pilotId).find(Evaluation.class, sort), paging, EvaluationView::of);
    }

    @Transactional
    public EvaluationView evaluate(long pilotId, NewEvaluation r) {
        Pilot p = pilots.require(pilotId);
        if (p.status != PilotStatus.UNDER_EVALUATION) {
            throw ApiException.rule("pilot-not-under-evaluation", "Pilot " + pilotId + " is " + p.status
                    + "; evaluations are recorded while a pilot is UNDER_EVALUATION").with("pilotStatus", p.status);
        }
        LocalDate today = pilots.today();
        List<Problem.Violation> violations = new ArrayList<>();
        if (r.evaluatedOn().isAfter(today)) {
            violations.add(new Problem.Violation("evaluatedOn", "must not be in the future (today is " + today + ")"));
        }
        if (r.evaluatedOn().isBefore(p.statusSince)) {
            violations.add(new Problem.Violation("evaluatedOn", "must not be before " + p.statusSince + ", when evaluation began"));
        }
        for (int i = 0; i < r.criteria().size(); i++) {
            Evaluation.Criterion c = r.criteria().get(i);
            if (c.score().compareTo(c.maxScore()) > 0) {
                violations.add(new Problem.Violation("criteria[" + i + "].score", "score " + c.score() + " exceeds maxScore " + c.maxScore()));
            }
        }
        if (!violations.isEmpty()) {
            throw ApiException.validation(violations);
        }
        Evaluation e = new Evaluation();
        e.pilotId = pilotId;
        e.evaluator = r.evaluator();
        e.evaluatedOn = r.evaluatedOn();
        e.verdict = r.verdict();
        e.summary = r.summary();
        e.criteria = new ArrayList<>(r.criteria());
        e.recordedBy = caller.subject();
        e.persist();
        em.flush();
        EvaluationView created = EvaluationView.of(e);
        audit.record("Evaluation", e.id, "CREATE", null, created);
        return created;
    }

    public ExperienceView experience(long id) {
        Experience e = requireExperience(id);
        return ExperienceView.of(e, Pilot.findById(e.pilotId));
    }

    private static Experience requireExperience(long id) {
        return Experience.<Experience>findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Experience", id));
    }

    /**
     * Experiences with the tag, of the pilot, of the county's pilots, replicated in the county
     * (each filter may be null), one page.
     */
    public PageResult<ExperienceView> experiences(String tag, Long pilotId, String countyCode, String replicatedIn, Sort sort,
            PageParams paging) {
        Filter f = Filter.where().eq("pilotId", pilotId);
        if (replicatedIn != null) {
            f.in("id", ExperienceReplication.<ExperienceReplication>list("countyCode", replicatedIn).stream().map(r -> r.experienceId).toList());
        }
        if (tag != null) {
            f.in("id", Experience.getEntityManager()
                    .createQuery("select e.id from Experience e join e.tags t where t = :tag", Long.class)
                    .setParameter("tag", tag).getResultList());
        }
        if (countyCode != null) {
            f.in("pilotId", Pilot.<Pilot>list("countyCode", countyCode).stream().map(p -> p.id).toList());
        }
        Map<Long, Pilot> pilotsById = new HashMap<>();
        return PageResult.of(f.find(Experience.class, sort), paging,
                e -> ExperienceView.of(e, pilotsById.computeIfAbsent(e.pilotId, id -> Pilot.findById(id))));
    }

    @Transactional
    public ExperienceView createExperience(NewExperience r) {
        Pilot p = Pilot.<Pilot>findByIdOptional(r.pilotId())
                .orElseThrow(() -> ApiException.validation("pilotId", "no pilot with id " + r.pilotId()));
        Experience e = new Experience();
        e.pilotId = p.id;
        apply(e, r);
        e.persist();
        em.flush();
        ExperienceView created = ExperienceView.of(e, p);
        audit.record("Experience", e.id, "CREATE", null, created);
        return created;
    }

    @Transactional
    public ExperienceView updateExperience(long id, String ifMatch, NewExperience r) {
        Experience e = requireExperience(id);
        Pilot p = pilots.require(e.pilotId);
        Preconditions.requireMatch(ifMatch, e.version);
        if (r.pilotId() != e.pilotId) {
            throw ApiException.validation("pilotId", "an experience stays with its pilot (" + e.pilotId + ")");
        }
        ExperienceView before = ExperienceView.of(e, p);
        apply(e, r);
        em.flush();
        ExperienceView after = ExperienceView.of(e, p);
        audit.record("Experience", e.id, "UPDATE", before, after);
        return after;
    }

    /**
     * Records that a county took the practice up on a date: not in the future, not before the pilot
     * started implementing, not the pilot's own county, a county the registry knows and holds ACTIVE
     * on that date, once per county (a repeat is a conflict).
     */
    @Transactional
    public ExperienceView recordReplication(long experienceId, NewReplication r) {
        Experience e = requireExperience(experienceId);
        Pilot p = pilots.require(e.pilotId);
        LocalDate today = pilots.today();
        if (r.replicatedOn().isAfter(today)) {
            throw ApiException.validation("replicatedOn", "must not be in the future (today is " + today + ")");
        }
        if (r.countyCode().equals(p.countyCode)) {
            throw ApiException.rule("replication-in-pilot-county", "County " + p.countyCode + " (" + p.countyName
                    + ") is the pilot's own county; a replication is the practice taken up elsewhere").with("countyCode", r.countyCode());
        }
        if (p.implementationStart != null && r.replicatedOn().isBefore(p.implementationStart)) {
            throw ApiException.rule("replication-before-pilot", "The pilot started implementing on " + p.implementationStart
                    + "; its practice cannot have been replicated on " + r.replicatedOn()).with("replicatedOn", r.replicatedOn().toString());
        }
        if (ExperienceReplication.count("experienceId = ?1 and countyCode = ?2", e.id, r.countyCode()) > 0) {
            throw ApiException.conflict("County " + r.countyCode() + " is already recorded as replicating experience " + e.id);
        }
        RegistryCounty county = pilots.activeCounty(r.countyCode(), r.replicatedOn());
        ExperienceReplication rep = new ExperienceReplication();
        rep.experienceId = e.id;
        rep.countyCode = r.countyCode();
        rep.countyName = county.name();
        rep.replicatedOn = r.replicatedOn();
        rep.note = r.note() == null || r.note().isBlank() ? null : r.note().strip();
        rep.recordedAt = Instant.now(clock);
        rep.recordedBy = caller.subject();
        try {
            rep.persist();
            em.flush();
        } catch (PersistenceException race) {
            // the unique (experience, county): another request recorded the same county at the same moment
            throw ApiException.conflict("County " + r.countyCode() + " is already recorded as replicating experience " + e.id);
        }
        audit.record("ExperienceReplication", rep.id, "CREATE", null, ReplicationView.of(rep));
        return ExperienceView.of(e, p);
    }

    private static void apply(Experience e, NewExperience r) {
        e.title = r.title();
        e.description = r.description();
        e.tags.clear();
        e.tags.addAll(new TreeSet<>(r.tags() == null ? List.of() : r.tags().stream().map(String::trim).toList()));
        e.promotions = new ArrayList<>(r.promotions() == null ? List.of() : r.promotions());
    }
}
