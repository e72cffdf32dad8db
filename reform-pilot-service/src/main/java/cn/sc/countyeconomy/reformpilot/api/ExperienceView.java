package cn.sc.countyeconomy.reformpilot.api;

import cn.sc.countyeconomy.reformpilot.Experience;
import cn.sc.countyeconomy.reformpilot.Pilot;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "Experience")
public record ExperienceView(long id, long pilotId, String countyCode, String countyName, String title,
        String description, List<String> tags, List<Experience.Promotion> promotions, long version) {

    public static ExperienceView of(Experience e, Pilot p) {
        return new ExperienceView(e.id, e.pilotId, p.countyCode, p.countyName, e.title, e.description,
                List.copyOf(e.tags), List.copyOf(e.promotions), e.version);
    }
}
