package cn.sc.countyeconomy.reformpilot.api;

import cn.sc.countyeconomy.reformpilot.LeadingTask;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

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
