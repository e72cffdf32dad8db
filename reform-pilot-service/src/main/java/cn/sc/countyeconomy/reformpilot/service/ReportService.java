package cn.sc.countyeconomy.reformpilot.service;

import cn.sc.countyeconomy.api.audit.AuditTrail;
import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.problem.Problem;
import cn.sc.countyeconomy.api.security.Caller;
import cn.sc.countyeconomy.api.security.CountyScope;
import cn.sc.countyeconomy.reformpilot.Evaluation;
import cn.sc.countyeconomy.reformpilot.Experience;
import cn.sc.countyeconomy.reformpilot.Pilot;
import cn.sc.countyeconomy.reformpilot.PilotStatus;
import cn.sc.countyeconomy.reformpilot.ProgressReport;
import cn.sc.countyeconomy.reformpilot.config.ReformPilotConfig;
import cn.sc.countyeconomy.reformpilot.mapping.ReportDtos.EvaluationRequest;
import cn.sc.countyeconomy.reformpilot.mapping.ReportDtos.EvaluationView;
import cn.sc.countyeconomy.reformpilot.mapping.ReportDtos.ExperienceRequest;
import cn.sc.countyeconomy.reformpilot.mapping.ReportDtos.ExperienceView;
import cn.sc.countyeconomy.reformpilot.mapping.ReportDtos.ReportRequest;
import cn.sc.countyeconomy.reformpilot.mapping.ReportDtos.ReportView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
    CountyScope scope;

    @Inject
    ReformPilotConfig config;

    @Inject
    EntityManager em;

    public ProgressReport report(long id) {
        return ProgressReport.<ProgressReport>findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Progress report", id));
    }

    /**
     * A report is due {@code reform-pilot.report-due-days} after its quarter ends; it is late when
     * first submitted after that day. A report may be sent once its quarter has begun.
     */
    @Transactional
    public ProgressReport submit(long pilotId, ReportRequest r) {
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
        audit.record("ProgressReport", rep.id, "CREATE", null, ReportView.of(rep));
        return rep;
    }

    /** Corrections keep the period, the submission date and the lateness of the first submission. */
    @Transactional
    public ProgressReport correct(long id, String ifMatch, ReportRequest r) {
        ProgressReport rep = report(id);
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
        audit.record("ProgressReport", rep.id, "UPDATE", before, ReportView.of(rep));
        return rep;
    }

    public Evaluation evaluation(long id) {
        return Evaluation.<Evaluation>findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Evaluation", id));
    }

    @Transactional
    public Evaluation evaluate(long pilotId, EvaluationRequest r) {
        Pilot p = pilots.require(pilotId);
        scope.requireWrite(p.countyCode);
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
        audit.record("Evaluation", e.id, "CREATE", null, EvaluationView.of(e));
        return e;
    }

    public Experience experience(long id) {
        return Experience.<Experience>findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Experience", id));
    }

    @Transactional
    public Experience createExperience(ExperienceRequest r) {
        Pilot p = Pilot.<Pilot>findByIdOptional(r.pilotId())
                .orElseThrow(() -> ApiException.validation("pilotId", "no pilot with id " + r.pilotId()));
        scope.requireWrite(p.countyCode);
        Experience e = new Experience();
        e.pilotId = p.id;
        apply(e, r);
        e.persist();
        em.flush();
        audit.record("Experience", e.id, "CREATE", null, ExperienceView.of(e, p));
        return e;
    }

    @Transactional
    public Experience updateExperience(long id, String ifMatch, ExperienceRequest r) {
        Experience e = experience(id);
        Pilot p = pilots.require(e.pilotId);
        scope.requireWrite(p.countyCode);
        Preconditions.requireMatch(ifMatch, e.version);
        if (r.pilotId() != e.pilotId) {
            throw ApiException.validation("pilotId", "an experience stays with its pilot (" + e.pilotId + ")");
        }
        ExperienceView before = ExperienceView.of(e, p);
        apply(e, r);
        em.flush();
        audit.record("Experience", e.id, "UPDATE", before, ExperienceView.of(e, p));
        return e;
    }

    private static void apply(Experience e, ExperienceRequest r) {
        e.title = r.title();
        e.description = r.description();
        e.tags.clear();
        e.tags.addAll(new TreeSet<>(r.tags() == null ? List.of() : r.tags().stream().map(String::trim).toList()));
        e.promotions = new ArrayList<>(r.promotions() == null ? List.of() : r.promotions());
    }
}
