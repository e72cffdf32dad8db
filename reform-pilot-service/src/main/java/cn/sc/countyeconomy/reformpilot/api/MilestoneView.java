package cn.sc.countyeconomy.reformpilot.api;

import cn.sc.countyeconomy.reformpilot.Milestone;
import cn.sc.countyeconomy.reformpilot.MilestoneStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

@Schema(name = "Milestone")
public record MilestoneView(long id, long pilotId, long taskId, String title, LocalDate plannedDate,
        LocalDate actualDate, MilestoneStatus status, String deliverable,
        List<String> evidenceLinks,
        @Schema(description = "Ids of the milestones (same pilot) this one depends on.") List<Long> dependsOn,
        boolean synthetic, long version, String owner, int percentDone) {

    public static MilestoneView of(Milestone m) {
        return new MilestoneView(m.id, m.pilotId, m.taskId, m.title, m.plannedDate, m.actualDate, m.status,
                m.deliverable, List.copyOf(m.evidenceLinks),
                m.dependsOn.stream().map(d -> d.id).sorted(Comparator.naturalOrder()).toList(), m.synthetic, m.version, m.owner,
                m.percentDone);
    }
}
