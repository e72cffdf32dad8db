package cn.sc.countyeconomy.reformpilot.service;

import cn.sc.countyeconomy.api.audit.AuditTrail;
import cn.sc.countyeconomy.reformpilot.LeadingTask;
import cn.sc.countyeconomy.reformpilot.Milestone;
import cn.sc.countyeconomy.reformpilot.MilestoneStatus;
import cn.sc.countyeconomy.reformpilot.Pilot;
import cn.sc.countyeconomy.reformpilot.PilotStatus;
import cn.sc.countyeconomy.reformpilot.ProgressReport;
import cn.sc.countyeconomy.reformpilot.ReportStatus;
import cn.sc.countyeconomy.reformpilot.api.DemoDataResult;
import cn.sc.countyeconomy.reformpilot.config.ReformPilotConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Synthetic demo data for the nine seeded pilots of the 2020 programme: a leading task, five
 * milestones in a chain, and quarterly progress reports. Everything it writes is flagged
 * {@code synthetic: true} and titled 【合成示例】 (synthetic example): the real leading tasks are not
 * published. Pilots that already have a leading task are left alone, so running it twice changes
 * nothing. Deterministic: the same pilot always gets the same data.
 */
@ApplicationScoped
public class DemoDataService {

    public static final String MARK = "【合成示例】";
    static final long SEEDED_PROGRAM = 1L;
    static final int MILESTONES = 5;
    static final String[] AREAS = {"INFRASTRUCTURE_CONNECTIVITY", "MODERN_INDUSTRY", "COORDINATED_INNOVATION",
            "LAND_USE_LAYOUT", "JOINT_ECOLOGICAL_PROTECTION", "SHARED_PUBLIC_SERVICES", "URBAN_RURAL_INTEGRATION",
            "COMMUNITY_GOVERNANCE"};

    @Inject
    PilotService pilots;

    @Inject
    AuditTrail audit;

    @Inject
    ReformPilotConfig config;

    @Transactional
    public DemoDataResult load() {
        LocalDate today = pilots.today();
        List<Long> filled = new ArrayList<>();
        List<Long> skipped = new ArrayList<>();
        int milestoneCount = 0;
        int reportCount = 0;
        List<Pilot> seeded = Pilot.list("programId = ?1 and batch = 1 and source is not null order by id", SEEDED_PROGRAM);
        for (Pilot p : seeded) {
            if (p.status != PilotStatus.IMPLEMENTING || LeadingTask.count("pilotId", p.id) > 0) {
                skipped.add(p.id);
                continue;
            }
            LeadingTask t = leadingTask(p);
            milestoneCount += milestones(p, t, today);
            reportCount += reports(p, today);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("synthetic", true);
            summary.put("leadingTaskId", t.id);
            summary.put("milestones", MILESTONES);
            audit.record("Pilot", p.id, "DEMO_DATA", null, summary, "Synthetic demo data loaded on request");
            filled.add(p.id);
        }
        return new DemoDataResult(true, filled, skipped, milestoneCount, reportCount);
    }

    private static LeadingTask leadingTask(Pilot p) {
        int n = (int) (p.id % AREAS.length);
        LeadingTask t = new LeadingTask();
        t.pilotId = p.id;
        t.title = MARK + p.countyName + "县域集成改革主攻任务（非公开信息，演示用）";
        t.description = "合成示例数据，仅用于演示和测试；真实主攻任务未公开。Synthetic demo data: the real leading task is not published.";
        t.areaCode = AREAS[n];
        t.responsibleUnit = MARK + p.countyName + "委改革办";
        t.expectedOutcomes = List.of(MARK + "形成可复制可推广的制度成果");
        t.supportingMeasures = List.of(new LeadingTask.SupportingMeasure(MARK + "配套措施：要素保障", null, AREAS[(n + 1) % AREAS.length],
                MARK + p.countyName + "发展改革局", List.of(MARK + "配套政策出台")));
        t.synthetic = true;
        t.persist();
        return t;
    }

    /** Five milestones in a chain from 2021 to 2025; the first (id % 5) are done, a little late. */
    private static int milestones(Pilot p, LeadingTask t, LocalDate today) {
        int doneCount = (int) (p.id % MILESTONES);
        Milestone previous = null;
        for (int i = 0; i < MILESTONES; i++) {
            Milestone m = new Milestone();
            m.pilotId = p.id;
            m.taskId = t.id;
            m.title = MARK + "阶段" + (i + 1);
            m.plannedDate = LocalDate.of(2021 + i, 6, 30);
            boolean done = i < doneCount && m.plannedDate.plusDays(20 * (i + 1)).isBefore(today);
            m.status = done ? MilestoneStatus.DONE : (previous != null && previous.done() ? MilestoneStatus.IN_PROGRESS : MilestoneStatus.PLANNED);
            m.actualDate = done ? m.plannedDate.plusDays(20L * (i + 1)) : null;
            m.deliverable = MARK + "阶段成果报告";
            m.owner = MARK + "县改革办";
            m.percentDone = done ? 100 : 0;
            m.synthetic = true;
            if (previous != null) {
                m.dependsOn.add(previous);
            }
            if (!done && previous != null && !previous.done()) {
                m.status = MilestoneStatus.PLANNED;
            }
            m.persist();
            previous = m;
        }
        return MILESTONES;
    }

    /** Reports from 2020-Q3 to the last ended quarter; every 7th one missing, every 5th one late. */
    private int reports(Pilot p, LocalDate today) {
        int count = 0;
        ReportingPeriod last = ReportingPeriod.lastEndedBefore(today);
        int k = 0;
        for (ReportingPeriod q = new ReportingPeriod(2020, 3); q.compareTo(last) <= 0; q = q.next(), k++) {
            if ((k + p.id) % 7 == 0) {
                continue;
            }
            ProgressReport r = new ProgressReport();
            r.pilotId = p.id;
            r.period = q.toString();
            r.periodEnd = q.end();
            r.dueDate = q.dueDate(config.reportDueDays());
            r.submittedOn = (k + p.id) % 5 == 0 ? r.dueDate.plusDays(10) : r.dueDate.minusDays(3);
            if (r.submittedOn.isAfter(today)) {
                continue;
            }
            r.late = r.submittedOn.isAfter(r.dueDate);
            r.status = ReportStatus.values()[(int) ((k + p.id) % 3)];
            r.narrative = MARK + p.countyName + q + "进展情况（合成数据）";
            r.figures = List.of(new ProgressReport.Figure(MARK + "完成投资", BigDecimal.valueOf(1000 + 37L * k), "万元"));
            r.synthetic = true;
            r.persist();
            count++;
        }
        return count;
    }
}
