package cn.sc.countyeconomy.reformpilot.api;

import cn.sc.countyeconomy.reformpilot.PilotStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

@Schema(name = "ProgramDashboard")
public record DashboardView(
        long programId, String programName, LocalDate deadline,
        @Schema(description = "The date the figures are reckoned on (Asia/Shanghai).") LocalDate today,
        @Schema(description = "Days from today to the deadline; negative once it has passed; null without a deadline.") Long daysToDeadline,
        @Schema(description = "Number of pilots in each status (every status listed).") Map<PilotStatus, Long> pilotsByStatus,
        @Schema(description = "Milestones of the programme's active pilots (APPROVED, IMPLEMENTING, UNDER_EVALUATION).") MilestoneCounts milestones,
        @Schema(description = "Active pilots at risk: OVERDUE first, then NO_DATA past the first quarter, then AT_RISK (projected to finish after the deadline).") List<PilotProjection> atRisk,
        @Schema(description = "Ids of active pilots whose deadline has passed (not accepted).") List<Long> overdue,
        @Schema(description = "Ids of active pilots with no milestones, so nothing to project from.") List<Long> noData,
        @Schema(description = "The projection of every active pilot: OVERDUE, NO_DATA, AT_RISK, ON_TRACK, NO_DEADLINE, COMPLETE, then by id.") List<PilotProjection> projections,
        @Schema(description = "Reports missing for the last quarter that has ended.") ReportsDue reports) {
}
