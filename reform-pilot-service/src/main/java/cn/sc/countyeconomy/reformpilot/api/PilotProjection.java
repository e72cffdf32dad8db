package cn.sc.countyeconomy.reformpilot.api;

import cn.sc.countyeconomy.reformpilot.PilotStatus;
import cn.sc.countyeconomy.reformpilot.service.DeadlineProjection;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "PilotProjection", description = "Deadline projection of a pilot from its own pace: "
        + "projectedFinish = today + ceil(remaining x daysElapsed / done), daysElapsed counted from implementationStart.")
@JsonPropertyOrder({"pilotId", "programId", "countyCode", "countyName", "status", "implementationStart", "milestonesDone",
        "milestonesRemaining", "daysElapsed", "daysNeeded", "projectedFinish", "deadline", "assessment", "explanation"})
public record PilotProjection(long pilotId, long programId, String countyCode, String countyName, PilotStatus status,
        LocalDate implementationStart, int milestonesDone, int milestonesRemaining,
        Long daysElapsed, Long daysNeeded, LocalDate projectedFinish, LocalDate deadline,
        DeadlineProjection.Assessment assessment, String explanation) {
}
