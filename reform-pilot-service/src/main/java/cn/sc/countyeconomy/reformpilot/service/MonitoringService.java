package cn.sc.countyeconomy.reformpilot.service;

import cn.sc.countyeconomy.api.query.Filter;
import cn.sc.countyeconomy.reformpilot.LeadingTask;
import cn.sc.countyeconomy.reformpilot.Milestone;
import cn.sc.countyeconomy.reformpilot.Pilot;
import cn.sc.countyeconomy.reformpilot.PilotStatus;
import cn.sc.countyeconomy.reformpilot.Program;
import cn.sc.countyeconomy.reformpilot.ProgressReport;
import cn.sc.countyeconomy.reformpilot.api.CountyPilotView;
import cn.sc.countyeconomy.reformpilot.api.CountyPilotsView;
import cn.sc.countyeconomy.reformpilot.api.DashboardView;
import cn.sc.countyeconomy.reformpilot.api.MilestoneCounts;
import cn.sc.countyeconomy.reformpilot.api.MissingReport;
import cn.sc.countyeconomy.reformpilot.api.OverdueMilestone;
import cn.sc.countyeconomy.reformpilot.api.PilotProjection;
import cn.sc.countyeconomy.reformpilot.api.ReportsDue;
import cn.sc.countyeconomy.reformpilot.config.ReformPilotConfig;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What the service reports: dashboards, overdue milestones, deadline risk, missing reports. */
@ApplicationScoped
public class MonitoringService {

    static final Set<PilotStatus> ACTIVE = EnumSet.of(PilotStatus.APPROVED, PilotStatus.IMPLEMENTING, PilotStatus.UNDER_EVALUATION);

    @Inject
    PilotService pilots;

    @Inject
    ReformPilotConfig config;

    /** Pilots matching the filters (any filter may be null), by id. */
    static List<Pilot> pilots(Long programId, String countyCode, Set<PilotStatus> statuses) {
        return Filter.where().eq("programId", programId).eq("countyCode", countyCode).in("status", statuses)
                .list(Pilot.class, Sort.by("id"));
    }

    public DashboardView dashboard(long programId) {
        Program program = pilots.program(programId);
        LocalDate today = pilots.today();
        List<Pilot> all = pilots(programId, null, null);
        Map<PilotStatus, Long> byStatus = new LinkedHashMap<>();
        for (PilotStatus s : PilotStatus.values()) {
            byStatus.put(s, all.stream().filter(p -> p.status == s).count());
        }
        List<Pilot> active = all.stream().filter(p -> ACTIVE.contains(p.status)).toList();
        Map<Long, List<Milestone>> milestones = milestonesOf(active);
        LocalDate dueUntil = today.plusDays(config.milestoneDueWindowDays());
        int total = 0, done = 0, due = 0, overdue = 0;
        for (List<Milestone> ms : milestones.values()) {
            for (Milestone m : ms) {
                total++;
                if (m.done()) {
                    done++;
                } else if (m.plannedDate.isBefore(today)) {
                    overdue++;
                } else if (!m.plannedDate.isAfter(dueUntil)) {
                    due++;
                }
            }
        }
        Map<Long, Integer> reports = reportCounts(active);
        List<PilotProjection> projections = active.stream()
                .map(p -> project(p, program, milestones.getOrDefault(p.id, List.of()), reports.getOrDefault(p.id, 0), today))
                .sorted(SEVERITY).toList();
        ReportingPeriod last = ReportingPeriod.lastEndedBefore(today);
        Long daysToDeadline = program.deadline == null ? null : ChronoUnit.DAYS.between(today, program.deadline);
        return new DashboardView(program.id, program.nameZh, program.deadline, today, daysToDeadline, byStatus,
                new MilestoneCounts(total, done, due, overdue, config.milestoneDueWindowDays()),
                projections.stream().filter(PilotProjection::risk).toList(),
                projections.stream().filter(p -> p.assessment() == DeadlineProjection.Assessment.OVERDUE).map(PilotProjection::pilotId).toList(),
                projections.stream().filter(p -> p.assessment() == DeadlineProjection.Assessment.NO_DATA).map(PilotProjection::pilotId).toList(),
                projections,
                new ReportsDue(last.toString(), last.dueDate(config.reportDueDays()), missingReports(programId, last, today)));
    }

    /**
     * The projections of the active pilots matching the filters, of the given assessments (default: those at risk,
     * {@link PilotProjection#risk()}), in the given order.
     */
    public List<PilotProjection> projections(Long programId, String countyCode, Set<DeadlineProjection.Assessment> assessments,
            Comparator<PilotProjection> order) {
        return projections(programId, countyCode).stream()
                .filter(p -> assessments == null ? p.risk() : assessments.contains(p.assessment())).sorted(order).toList();
    }

    private List<PilotProjection> projections(Long programId, String countyCode) {
        LocalDate today = pilots.today();
        List<Pilot> active = pilots(programId, countyCode, ACTIVE);
        Map<Long, List<Milestone>> milestones = milestonesOf(active);
        Map<Long, Integer> reports = reportCounts(active);
        Map<Long, Program> programs = new HashMap<>();
        List<PilotProjection> out = new ArrayList<>();
        for (Pilot p : active) {
            Program program = programs.computeIfAbsent(p.programId, pilots::program);
            out.add(project(p, program, milestones.getOrDefault(p.id, List.of()), reports.getOrDefault(p.id, 0), today));
        }
        return out;
    }

    PilotProjection project(Pilot p, Program program, List<Milestone> ms, int reports, LocalDate today) {
        List<DeadlineProjection.Step> steps = ms.stream().map(m -> new DeadlineProjection.Step(m.id, m.plannedDate,
                m.done() ? m.actualDate : null, m.dependsOn.stream().map(d -> d.id).toList())).toList();
        DeadlineProjection.Result r = DeadlineProjection.project(p.implementationStart, steps, reports, today, program.deadline);
        return PilotProjection.of(p.id, p.programId, p.countyCode, p.countyName, p.status, p.implementationStart, program.deadline, r);
    }

    /** The dashboard's order: OVERDUE, NO_DATA, AT_RISK, ON_TRACK, NO_DEADLINE, COMPLETE; then by pilot id. */
    static final Comparator<PilotProjection> SEVERITY = Comparator.comparing(PilotProjection::assessment)
            .thenComparing(PilotProjection::pilotId);

    private static Map<Long, Integer> reportCounts(List<Pilot> pilots) {
        Map<Long, Integer> counts = new HashMap<>();
        if (!pilots.isEmpty()) {
            ProgressReport.<ProgressReport>list("pilotId in ?1", pilots.stream().map(p -> p.id).toList())
                    .forEach(r -> counts.merge(r.pilotId, 1, Integer::sum));
        }
        return counts;
    }

    /** Milestones not done, planned before today, of active pilots matching the filters, in the given order. */
    public List<OverdueMilestone> overdueMilestones(Long programId, String countyCode, String areaCode,
            Comparator<OverdueMilestone> order) {
        return overdueMilestones(programId, countyCode, areaCode).stream().sorted(order).toList();
    }

    private List<OverdueMilestone> overdueMilestones(Long programId, String countyCode, String areaCode) {
        LocalDate today = pilots.today();
        List<Pilot> active = pilots(programId, countyCode, ACTIVE);
        Map<Long, Pilot> byId = active.stream().collect(Collectors.toMap(p -> p.id, p -> p));
        Map<Long, LeadingTask> tasks = new HashMap<>();
        if (!byId.isEmpty()) {
            LeadingTask.<LeadingTask>list("pilotId in ?1", byId.keySet()).forEach(t -> tasks.put(t.pilotId, t));
        }
        List<OverdueMilestone> out = new ArrayList<>();
        for (List<Milestone> ms : milestonesOf(active).values()) {
            for (Milestone m : ms) {
                if (m.done() || !m.plannedDate.isBefore(today)) {
                    continue;
                }
                LeadingTask t = tasks.get(m.pilotId);
                if (areaCode != null && (t == null || !areaCode.equals(t.areaCode))) {
                    continue;
                }
                Pilot p = byId.get(m.pilotId);
                out.add(new OverdueMilestone(m.id, p.id, p.programId, p.countyCode, p.countyName,
                        t == null ? null : t.title, t == null ? null : t.areaCode, m.title, m.status, m.plannedDate,
                        ChronoUnit.DAYS.between(m.plannedDate, today), m.synthetic));
            }
        }
        out.sort(Comparator.comparing(OverdueMilestone::plannedDate).thenComparing(OverdueMilestone::milestoneId));
        return out;
    }

    /** Missing reports of a period; null: the last quarter that has ended. */
    public List<MissingReport> missingReports(Long programId, ReportingPeriod period) {
        LocalDate today = pilots.today();
        return missingReports(programId, period == null ? ReportingPeriod.lastEndedBefore(today) : period, today);
    }

    /** Reporting pilots (implementation started by the end of the period) with no report for it. */
    List<MissingReport> missingReports(Long programId, ReportingPeriod period, LocalDate today) {
        LocalDate due = period.dueDate(config.reportDueDays());
        List<MissingReport> out = new ArrayList<>();
        for (Pilot p : pilots(programId, null, ACTIVE)) {
            if (p.implementationStart == null || p.implementationStart.isAfter(period.end())) {
                continue;
            }
            if (ProgressReport.count("pilotId = ?1 and period = ?2", p.id, period.toString()) == 0) {
                out.add(MissingReport.of(p, period.toString(), due, today));
            }
        }
        return out;
    }

    public CountyPilotsView countyPilots(String countyCode) {
        List<Pilot> list = pilots(null, countyCode, null);
        Map<Long, Program> programs = new HashMap<>();
        List<CountyPilotView> out = new ArrayList<>();
        for (Pilot p : list) {
            Program program = programs.computeIfAbsent(p.programId, pilots::program);
            LeadingTask t = LeadingTask.<LeadingTask>find("pilotId", p.id).firstResult();
            out.add(new CountyPilotView(p.id, p.programId, program.nameZh, p.batch, p.status, t == null ? null : t.title, p.statusSince));
        }
        return new CountyPilotsView(countyCode, out);
    }

    private static Map<Long, List<Milestone>> milestonesOf(List<Pilot> pilots) {
        if (pilots.isEmpty()) {
            return Map.of();
        }
        return Milestone.<Milestone>list("pilotId in ?1", pilots.stream().map(p -> p.id).toList()).stream()
                .collect(Collectors.groupingBy(m -> m.pilotId));
    }
}
