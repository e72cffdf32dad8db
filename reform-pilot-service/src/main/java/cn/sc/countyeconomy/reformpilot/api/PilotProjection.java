package cn.sc.countyeconomy.reformpilot.api;

import cn.sc.countyeconomy.reformpilot.PilotStatus;
import cn.sc.countyeconomy.reformpilot.service.DeadlineProjection;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

@Schema(name = "PilotProjection", description = "Deadline projection of a pilot: projectedFinish is the later of paceFinish "
        + "(today + ceil(remaining x daysElapsed / done), daysElapsed counted from implementationStart) and plannedFinish (the "
        + "finish of the critical path over the milestones' planned dates and dependencies, slips carried forward). Assessment: "
        + "OVERDUE (deadline passed, not accepted), NO_DATA (no milestones; risk once the first quarter is over), AT_RISK, ON_TRACK, "
        + "NO_DEADLINE, COMPLETE. explanation shows the arithmetic.")
@JsonPropertyOrder({"pilotId", "programId", "countyCode", "countyName", "status", "implementationStart", "milestonesDone",
        "milestonesRemaining", "daysElapsed", "daysNeeded", "projectedFinish", "deadline", "assessment", "explanation", "risk",
        "paceFinish", "plannedFinish", "criticalPath"})
public record PilotProjection(long pilotId, long programId, String countyCode, String countyName, PilotStatus status,
        LocalDate implementationStart, int milestonesDone, int milestonesRemaining,
        Long daysElapsed, Long daysNeeded, LocalDate projectedFinish, LocalDate deadline,
        DeadlineProjection.Assessment assessment, String explanation,
        @Schema(description = "OVERDUE, AT_RISK, and NO_DATA after the pilot's first quarter of implementation") boolean risk,
        @Schema(description = "Finish at the pilot's own pace; null without a milestone done") LocalDate paceFinish,
        @Schema(description = "Finish of the critical path over the planned dates") LocalDate plannedFinish,
        @Schema(description = "Milestone ids of the critical path, first to last") List<Long> criticalPath) {

    public static PilotProjection of(long pilotId, long programId, String countyCode, String countyName, PilotStatus status,
            LocalDate implementationStart, LocalDate deadline, DeadlineProjection.Result r) {
        return new PilotProjection(pilotId, programId, countyCode, countyName, status, implementationStart, r.done(), r.remaining(),
                r.daysElapsed(), r.daysNeeded(), r.projectedFinish(), deadline, r.assessment(), r.explanation(), r.risk(), r.paceFinish(),
                r.plannedFinish(), r.criticalPath());
    }
}
