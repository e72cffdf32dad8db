package cn.sc.countyeconomy.reformpilot.api;

import cn.sc.countyeconomy.reformpilot.PilotStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "LifecycleStep", description = "One row of the lifecycle table.")
public record LifecycleStep(PilotStatus from, List<PilotStatus> allowed, boolean isFinal,
        @Schema(description = "Roles of which the caller needs one to move a pilot INTO this status.") List<String> rolesToEnter) {
}
