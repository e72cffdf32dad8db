package cn.sc.countyeconomy.reformpilot.api;

import cn.sc.countyeconomy.api.validation.Text;
import cn.sc.countyeconomy.reformpilot.MilestoneStatus;
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
        @Schema(description = "Ids of milestones of the same pilot this one depends on; no cycles.") List<@NotNull Long> dependsOn) {
}
