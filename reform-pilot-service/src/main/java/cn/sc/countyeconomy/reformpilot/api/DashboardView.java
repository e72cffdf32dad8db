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
        @Schema(description = "Active pilots whose remaining milestones are projected to finish after the deadline.") List<PilotProjection> atRisk,
        @Schema(description = "Ids of active pilots with too little evidence for a projection (no milestone done yet, none planned, or not started).") List<Long> insufficientData,
        @Schema(description = "The projection of every active pilot.") List<PilotProjection> projections,
        @Schema(description = "Reports missing for the last quarter that has ended.") ReportsDue reports) {
}
