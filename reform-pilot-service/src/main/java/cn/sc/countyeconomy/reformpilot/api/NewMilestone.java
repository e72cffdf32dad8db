package cn.sc.countyeconomy.reformpilot.api;

import cn.sc.countyeconomy.api.validation.Text;
import cn.sc.countyeconomy.reformpilot.MilestoneStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

@Schema(name = "MilestoneRequest")
public record NewMilestone(
        @NotBlank @Text @Size(max = 500) String title,
        @NotNull LocalDate plannedDate,
        @Schema(description = "Required when, and only when, status is DONE; not in the future.") LocalDate actualDate,
        @NotNull MilestoneStatus status,
        @Size(max = 2000) String deliverable,
        List<@NotBlank @Size(max = 2000) String> evidenceLinks,
        @Schema(description = "Ids of milestones of the same pilot this one depends on; no cycles, and planned no later than this one.") List<@NotNull Long> dependsOn,
        @Size(max = 300) @Text @Schema(description = "Who answers for the milestone (unit or post)", example = "县农业农村局") String owner,
        @Min(0) @Max(100) @Schema(description = "Percent done, 0-100; a DONE milestone is 100 (the default then), otherwise 0 by default") Integer percentDone) {
}
