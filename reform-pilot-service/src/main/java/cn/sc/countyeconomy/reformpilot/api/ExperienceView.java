package cn.sc.countyeconomy.reformpilot.api;

import cn.sc.countyeconomy.reformpilot.Experience;
import cn.sc.countyeconomy.reformpilot.ExperienceReplication;
import cn.sc.countyeconomy.reformpilot.Pilot;
import io.quarkus.panache.common.Sort;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "Experience")
public record ExperienceView(long id, long pilotId, String countyCode, String countyName, String title,
        String description, List<String> tags, List<Experience.Promotion> promotions,
        @Schema(description = "The counties that replicated the practice, by date then county code") List<ReplicationView> replications,
        long version) {

    public static ExperienceView of(Experience e, Pilot p) {
        List<ReplicationView> replications = ExperienceReplication.<ExperienceReplication>list("experienceId",
                Sort.by("replicatedOn").and("countyCode"), e.id).stream().map(ReplicationView::of).toList();
        return new ExperienceView(e.id, e.pilotId, p.countyCode, p.countyName, e.title, e.description,
                List.copyOf(e.tags), List.copyOf(e.promotions), replications, e.version);
    }
}
