package cn.sc.countyeconomy.reformpilot.service;

import cn.sc.countyeconomy.api.audit.AuditTrail;
import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.PageResult;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.problem.Problem;
import cn.sc.countyeconomy.api.query.Filter;
import cn.sc.countyeconomy.reformpilot.LeadingTask;
import cn.sc.countyeconomy.reformpilot.Milestone;
import cn.sc.countyeconomy.reformpilot.MilestoneStatus;
import cn.sc.countyeconomy.reformpilot.Pilot;
import cn.sc.countyeconomy.reformpilot.Program;
import cn.sc.countyeconomy.reformpilot.api.LeadingTaskView;
import cn.sc.countyeconomy.reformpilot.api.MilestoneView;
import cn.sc.countyeconomy.reformpilot.api.NewLeadingTask;
import cn.sc.countyeconomy.reformpilot.api.NewMilestone;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The leading reform task of a pilot and its milestones, with the dependency rules. */
@ApplicationScoped
public class TaskService {

    @Inject
    PilotService pilots;

    @Inject
    AuditTrail audit;

    @Inject
    EntityManager em;

    public LeadingTaskView task(long pilotId) {
        return LeadingTaskView.of(requireTask(pilotId));
    }

    private LeadingTask requireTask(long pilotId) {
        pilots.require(pilotId);
        return LeadingTask.<LeadingTask>find("pilotId", pilotId).firstResultOptional()
                .orElseThrow(() -> ApiException.notFound("Leading task of pilot", pilotId));
    }

    @Transactional
    public LeadingTaskView createTask(long pilotId, NewLeadingTask r) {
        Pilot p = pilots.requireWritable(pilotId);
        if (LeadingTask.count("pilotId", pilotId) > 0) {
            throw ApiException.conflict("Pilot " + pilotId + " has a leading task already; change it with PUT (one task per pilot)");
        }
        LeadingTask t = new LeadingTask();
        t.pilotId = pilotId;
        apply(t, r, p);
        t.persist();
        em.flush();
        LeadingTaskView created = LeadingTaskView.of(t);
        audit.record("LeadingTask", t.id, "CREATE", null, created);
        return created;
    }

    @Transactional
    public LeadingTaskView updateTask(long pilotId, String ifMatch, NewLeadingTask r) {
        Pilot p = pilots.requireWritable(pilotId);
        LeadingTask t = requireTask(pilotId);
        Preconditions.requireMatch(ifMatch, t.version);
        LeadingTaskView before = LeadingTaskView.of(t);
        apply(t, r, p);
        em.flush();
        LeadingTaskView after = LeadingTaskView.of(t);
        audit.record("LeadingTask", t.id, "UPDATE", before, after);
        return after;
    }

    private void apply(LeadingTask t, NewLeadingTask r, Pilot p) {
        Program program = pilots.program(p.programId);
        List<Problem.Violation> violations = new ArrayList<>();
        if (!program.areaCodes.contains(r.areaCode())) {
            violations.add(new Problem.Violation("areaCode", "'" + r.areaCode() + "' is not a reform area of programme "
                    + program.id + "; its areas: " + String.join(", ", program.areaCodes)));
        }
        List<LeadingTask.SupportingMeasure> measures = r.supportingMeasures() == null ? List.of() : r.supportingMeasures();
        for (int i = 0; i < measures.size(); i++) {
            String a = measures.get(i).areaCode();
            if (a != null && !program.areaCodes.contains(a)) {
                violations.add(new Problem.Violation("supportingMeasures[" + i + "].areaCode",
                        "'" + a + "' is not a reform area of programme " + program.id));
            }
        }
        if (!violations.isEmpty()) {
            throw ApiException.validation(violations);
        }
        t.title = r.title();
        t.description = r.description();
        t.areaCode = r.areaCode();
        t.responsibleUnit = r.responsibleUnit();
        t.expectedOutcomes = new ArrayList<>(r.expectedOutcomes() == null ? List.of() : r.expectedOutcomes());
        t.supportingMeasures = new ArrayList<>(measures);
    }

    public MilestoneView milestone(long id) {
        return MilestoneView.of(requireMilestone(id));
    }

    private static Milestone requireMilestone(long id) {
        return Milestone.<Milestone>findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Milestone", id));
    }

    /** The milestones of a pilot, one page. */
    public PageResult<MilestoneView> milestones(long pilotId, Sort sort, PageParams paging) {
        pilots.require(pilotId);
        return PageResult.of(Filter.where().eq("pilotId", pilotId).find(Milestone.class, sort), paging, MilestoneView::of);
    }

    @Transactional
    public MilestoneView createMilestone(long pilotId, NewMilestone r) {
        Pilot p = lockForMilestones(pilotId);
        LeadingTask t = LeadingTask.<LeadingTask>find("pilotId", pilotId).firstResultOptional()
                .orElseThrow(() -> ApiException.rule("leading-task-required", "Pilot " + pilotId
                        + " has no leading task yet; milestones belong to the leading task"));
        Milestone m = new Milestone();
        m.pilotId = p.id;
        m.taskId = t.id;
        apply(m, r);
        m.persist();
        em.flush();
        MilestoneView created = MilestoneView.of(m);
        audit.record("Milestone", m.id, "CREATE", null, created);
        return created;
    }

    @Transactional
    public MilestoneView updateMilestone(long id, String ifMatch, NewMilestone r) {
        Milestone m = requireMilestone(id);
        lockForMilestones(m.pilotId);
        em.refresh(m);
        Preconditions.requireMatch(ifMatch, m.version);
        MilestoneView before = MilestoneView.of(m);
        apply(m, r);
        em.flush();
        MilestoneView after = MilestoneView.of(m);
        audit.record("Milestone", m.id, "UPDATE", before, after);
        return after;
    }

    @Transactional
    public void deleteMilestone(long id, String ifMatch) {
        Milestone m = requireMilestone(id);
        lockForMilestones(m.pilotId);
        em.refresh(m);
        Preconditions.requireMatch(ifMatch, m.version);
        List<Long> dependents = dependentsOf(m);
        if (!dependents.isEmpty()) {
            throw ApiException.conflict("Milestone " + id + " cannot be deleted: milestones " + dependents + " depend on it")
                    .with("dependents", dependents);
        }
        MilestoneView before = MilestoneView.of(m);
        m.delete();
        em.flush();
        audit.record("Milestone", id, "DELETE", before, null);
    }

    /**
     * Every milestone write of a pilot takes a row lock on the pilot first (SELECT ... FOR UPDATE) and reads the
     * dependency graph only after it: two concurrent writes cannot each pass the cycle check on a graph without
     * the other's edge.
     */
    private Pilot lockForMilestones(long pilotId) {
        Pilot p = em.find(Pilot.class, pilotId, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            throw ApiException.notFound("Pilot", pilotId);
        }
        em.refresh(p);
        return pilots.requireWritable(pilotId);
    }

    private List<Long> dependentsOf(Milestone m) {
        if (m.id == null) {
            return List.of();
        }
        return em.createQuery("select d.id from Milestone d join d.dependsOn x where x.id = :id order by d.id", Long.class)
                .setParameter("id", m.id).getResultList();
    }

    /** Applies a request after checking every rule; nothing is changed when a rule fails. */
    private void apply(Milestone m, NewMilestone r) {
        checkDates(r);
        Set<Milestone> deps = dependencies(m, r);
        if (m.id != null) {
            checkNoCycle(m, deps);
        }
        checkPlannedOrder(m, r, deps);
        int percent = checkPercentDone(r);
        if (r.status() == MilestoneStatus.DONE) {
            checkDependenciesDone(r, deps);
        } else if (m.id != null && m.done()) {
            checkNoDependentDone(m);
        }
        m.title = r.title();
        m.plannedDate = r.plannedDate();
        m.actualDate = r.actualDate();
        m.status = r.status();
        m.deliverable = r.deliverable();
        m.owner = r.owner() == null ? null : r.owner().strip();
        m.percentDone = percent;
        m.evidenceLinks = new ArrayList<>(r.evidenceLinks() == null ? List.of() : r.evidenceLinks());
        m.dependsOn.clear();
        m.dependsOn.addAll(deps);
    }

    /** An actual date when, and only when, DONE; never in the future. */
    private void checkDates(NewMilestone r) {
        LocalDate today = pilots.today();
        if (r.status() == MilestoneStatus.DONE && r.actualDate() == null) {
            throw ApiException.validation("actualDate", "is required when status is DONE");
        }
        if (r.status() != MilestoneStatus.DONE && r.actualDate() != null) {
            throw ApiException.validation("actualDate", "only a DONE milestone has an actual date (status is " + r.status() + ")");
        }
        if (r.actualDate() != null && r.actualDate().isAfter(today)) {
            throw ApiException.validation("actualDate", "must not be in the future (today is " + today + ")");
        }
    }

    /** The milestones named in dependsOn: existing, of the same pilot, not m itself. */
    private static Set<Milestone> dependencies(Milestone m, NewMilestone r) {
        Set<Milestone> deps = new LinkedHashSet<>();
        List<Long> depIds = r.dependsOn() == null ? List.of() : r.dependsOn();
        for (int i = 0; i < depIds.size(); i++) {
            Long depId = depIds.get(i);
            if (depId.equals(m.id)) {
                throw ApiException.rule("dependency-cycle", "Milestone " + m.id + " cannot depend on itself")
                        .with("cycle", List.of(m.id, m.id));
            }
            Milestone d = Milestone.findById(depId);
            if (d == null) {
                throw ApiException.validation("dependsOn[" + i + "]", "milestone " + depId + " does not exist");
            }
            if (d.pilotId != m.pilotId) {
                throw ApiException.rule("dependency-other-pilot", "Milestone " + depId + " belongs to pilot " + d.pilotId
                        + "; dependencies must be milestones of the same pilot (" + m.pilotId + ")");
            }
            deps.add(d);
        }
        return deps;
    }

    /** A milestone is planned no earlier than those it depends on, and no later than those that depend on it. */
    private void checkPlannedOrder(Milestone m, NewMilestone r, Set<Milestone> deps) {
        List<Long> later = deps.stream().filter(d -> d.plannedDate.isAfter(r.plannedDate())).map(d -> d.id).sorted().toList();
        if (!later.isEmpty()) {
            throw ApiException.rule("planned-before-dependency", "plannedDate " + r.plannedDate()
                    + " is before the planned date of the milestones it depends on: " + later).with("blockedBy", later);
        }
        if (m.id == null) {
            return;
        }
        List<Long> earlier = dependentsOf(m).stream().filter(id -> Milestone.<Milestone>findById(id).plannedDate.isBefore(r.plannedDate()))
                .toList();
        if (!earlier.isEmpty()) {
            throw ApiException.rule("planned-after-dependent", "plannedDate " + r.plannedDate()
                    + " is after the planned date of milestones that depend on it: " + earlier).with("dependents", earlier);
        }
    }

    /** 100 for a DONE milestone (the default then); otherwise as given, 0 by default. */
    private static int checkPercentDone(NewMilestone r) {
        if (r.status() == MilestoneStatus.DONE) {
            if (r.percentDone() != null && r.percentDone() != 100) {
                throw ApiException.validation("percentDone", "a DONE milestone is 100 percent done, was " + r.percentDone());
            }
            return 100;
        }
        if (r.percentDone() != null && r.percentDone() == 100) {
            throw ApiException.validation("percentDone", "100 percent done is status DONE (status is " + r.status() + ")");
        }
        return r.percentDone() == null ? 0 : r.percentDone();
    }

    private void checkNoCycle(Milestone m, Set<Milestone> deps) {
        List<Long> cycle = findCycle(m, deps);
        if (cycle != null) {
            throw ApiException.rule("dependency-cycle", "These dependencies would make a cycle: "
                    + cycle.stream().map(String::valueOf).collect(Collectors.joining(" -> ")))
                    .with("cycle", cycle);
        }
    }

    /** DONE only after every dependency is DONE, on or before this one's actual date. */
    private static void checkDependenciesDone(NewMilestone r, Set<Milestone> deps) {
        List<Long> notDone = deps.stream().filter(d -> !d.done()).map(d -> d.id).sorted().toList();
        if (!notDone.isEmpty()) {
            throw ApiException.rule("dependency-not-done", "Milestone cannot be DONE while the milestones it depends on are not: "
                    + notDone).with("blockedBy", notDone);
        }
        List<Long> later = deps.stream().filter(d -> d.actualDate.isAfter(r.actualDate())).map(d -> d.id).sorted().toList();
        if (!later.isEmpty()) {
            throw ApiException.rule("done-before-dependency", "actualDate " + r.actualDate()
                    + " is before the completion of the milestones it depends on: " + later).with("blockedBy", later);
        }
    }

    /** A DONE milestone is not reopened while milestones that depend on it are DONE. */
    private void checkNoDependentDone(Milestone m) {
        List<Long> doneDependents = dependentsOf(m).stream()
                .filter(id -> Milestone.<Milestone>findById(id).done()).toList();
        if (!doneDependents.isEmpty()) {
            throw ApiException.rule("dependents-done", "Milestone " + m.id + " cannot be reopened: milestones "
                    + doneDependents + " that depend on it are DONE").with("dependents", doneDependents);
        }
    }

    /**
     * The dependency graph of the pilot with m's edges replaced by {@code newDeps}: a path from one
     * of them back to m is a cycle, answered as [m, ..., m].
     */
    private List<Long> findCycle(Milestone m, Set<Milestone> newDeps) {
        Map<Long, List<Long>> edges = new HashMap<>();
        for (Milestone x : Milestone.<Milestone>list("pilotId", m.pilotId)) {
            edges.put(x.id, x.dependsOn.stream().map(d -> d.id).sorted().toList());
        }
        edges.put(m.id, newDeps.stream().map(d -> d.id).sorted().toList());
        Deque<Long> path = new ArrayDeque<>();
        path.addLast(m.id);
        return search(m.id, m.id, edges, path, new HashSet<>());
    }

    private static List<Long> search(long target, long at, Map<Long, List<Long>> edges, Deque<Long> path, Set<Long> seen) {
        for (long next : edges.getOrDefault(at, List.of())) {
            if (next == target) {
                List<Long> cycle = new ArrayList<>(path);
                cycle.add(target);
                return cycle;
            }
            if (seen.add(next)) {
                path.addLast(next);
                List<Long> found = search(target, next, edges, path, seen);
                if (found != null) {
                    return found;
                }
                path.removeLast();
            }
        }
        return null;
    }
}
