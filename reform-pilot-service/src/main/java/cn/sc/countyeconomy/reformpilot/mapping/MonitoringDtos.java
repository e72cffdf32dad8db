package cn.sc.countyeconomy.reformpilot.mapping;

import cn.sc.countyeconomy.reformpilot.MilestoneStatus;
import cn.sc.countyeconomy.reformpilot.PilotStatus;
import cn.sc.countyeconomy.reformpilot.mapping.PilotDtos.CountyPilot;
import cn.sc.countyeconomy.reformpilot.mapping.ReportDtos.MissingReport;
import cn.sc.countyeconomy.reformpilot.service.DeadlineProjection;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

public final class MonitoringDtos {

    private MonitoringDtos() {
    }

    @Schema(name = "ProgramDashboard")
    public record Dashboard(
            long programId, String programName, LocalDate deadline,
            @Schema(description = "The date the figures are reckoned on (Asia/Shanghai).") LocalDate today,
            @Schema(description = "Days from today to the deadline; negative once it has passed; null without a deadline.") Long daysToDeadline,
            @Schema(description = "Number of pilots in each status (every status listed).") Map<PilotStatus, Long> pilotsByStatus,
            @Schema(description = "Milestones of the programme's active pilots (APPROVED, IMPLEMENTING, UNDER_EVALUATION).") MilestoneCounts milestones,
            @Schema(description = "Active pilots whose remaining milestones are projected to finish after the deadline.") List<PilotProjection> atRisk,
            @Schema(description = "Ids of active pilots with too little evidence for a projection (no milestone done yet, none planned, or not started).") List<Long> insufficientData,
            @Schema(description = "The projection of every active pilot.") List<PilotProjection> projections,
            @Schema(description = "Reports missing for the last quarter that has ended.") ReportsDue reports) {
    }

    @Schema(name = "MilestoneCounts")
    public record MilestoneCounts(int total, int done,
                                  @Schema(description = "Not done, planned between today and today + dueWindowDays.") int due,
                                  @Schema(description = "Not done, planned before today.") int overdue,
                                  int dueWindowDays) {
    }

    @Schema(name = "ReportsDue")
    public record ReportsDue(String period, LocalDate dueDate, List<MissingReport> missing) {
    }

    @Schema(name = "PilotProjection", description = "Deadline projection of a pilot from its own pace: "
            + "projectedFinish = today + ceil(remaining x daysElapsed / done), daysElapsed counted from implementationStart.")
    @JsonPropertyOrder({"pilotId", "programId", "countyCode", "countyName", "status", "implementationStart", "milestonesDone",
            "milestonesRemaining", "daysElapsed", "daysNeeded", "projectedFinish", "deadline", "assessment", "explanation"})
    public record PilotProjection(long pilotId, long programId, String countyCode, String countyName, PilotStatus status,
                                  LocalDate implementationStart, int milestonesDone, int milestonesRemaining,
                                  Long daysElapsed, Long daysNeeded, LocalDate projectedFinish, LocalDate deadline,
                                  DeadlineProjection.Assessment assessment, String explanation) {
    }

    @Schema(name = "OverdueMilestone")
    @JsonPropertyOrder({"milestoneId", "pilotId", "programId", "countyCode", "countyName", "leadingTask", "areaCode", "title",
            "status", "plannedDate", "daysOverdue", "synthetic"})
    public record OverdueMilestone(long milestoneId, long pilotId, long programId, String countyCode, String countyName,
                                   String leadingTask, String areaCode, String title, MilestoneStatus status,
                                   LocalDate plannedDate, long daysOverdue, boolean synthetic) {
    }

    @Schema(name = "CountyPilots", description = "Everything a county pilots; read by assessment-service.")
    public record CountyPilotsView(String countyCode, List<CountyPilot> pilots) {
    }
}
