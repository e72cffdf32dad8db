package cn.sc.countyeconomy.reformpilot.mapping;

import cn.sc.countyeconomy.reformpilot.LeadingTask;
import cn.sc.countyeconomy.reformpilot.Milestone;
import cn.sc.countyeconomy.reformpilot.MilestoneStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

public final class TaskDtos {

    private TaskDtos() {
    }

    @Schema(name = "LeadingTask", description = "The leading reform task of a pilot and its supporting measures.")
    public record LeadingTaskView(long id, long pilotId, String title, String description, String areaCode,
                                  String responsibleUnit, List<String> expectedOutcomes,
                                  List<LeadingTask.SupportingMeasure> supportingMeasures,
                                  @Schema(description = "True for demo data; such a task is not a published one.") boolean synthetic,
                                  long version) {
        public static LeadingTaskView of(LeadingTask t) {
            return new LeadingTaskView(t.id, t.pilotId, t.title, t.description, t.areaCode, t.responsibleUnit,
                    List.copyOf(t.expectedOutcomes), List.copyOf(t.supportingMeasures), t.synthetic, t.version);
        }
    }

    @Schema(name = "LeadingTaskRequest")
    public record LeadingTaskRequest(
            @NotBlank @Size(max = 500) @Schema(example = "深化农村集体产权制度改革") String title,
            @Size(max = 10000) String description,
            @NotBlank @Schema(description = "A reform area code of the pilot's programme.", example = "URBAN_RURAL_INTEGRATION") String areaCode,
            @NotBlank @Size(max = 500) @Schema(example = "县委改革办") String responsibleUnit,
            List<@NotBlank String> expectedOutcomes,
            @Valid List<LeadingTask.@NotNull SupportingMeasure> supportingMeasures) {
    }

    @Schema(name = "Milestone")
    public record MilestoneView(long id, long pilotId, long taskId, String title, LocalDate plannedDate,
                                LocalDate actualDate, MilestoneStatus status, String deliverable,
                                List<String> evidenceLinks,
                                @Schema(description = "Ids of the milestones (same pilot) this one depends on.") List<Long> dependsOn,
                                boolean synthetic, long version) {
        public static MilestoneView of(Milestone m) {
            return new MilestoneView(m.id, m.pilotId, m.taskId, m.title, m.plannedDate, m.actualDate, m.status,
                    m.deliverable, List.copyOf(m.evidenceLinks),
                    m.dependsOn.stream().map(d -> d.id).sorted(Comparator.naturalOrder()).toList(), m.synthetic, m.version);
        }
    }

    @Schema(name = "MilestoneRequest")
    public record MilestoneRequest(
            @NotBlank @Size(max = 500) String title,
            @NotNull LocalDate plannedDate,
            @Schema(description = "Required when, and only when, status is DONE; not in the future.") LocalDate actualDate,
            @NotNull MilestoneStatus status,
            @Size(max = 2000) String deliverable,
            List<@NotBlank @Size(max = 2000) String> evidenceLinks,
            @Schema(description = "Ids of milestones of the same pilot this one depends on; no cycles.") List<@NotNull Long> dependsOn) {
    }
}
