package cn.sc.countyeconomy.assessment.service;

import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.assessment.api.ExternalPart;
import cn.sc.countyeconomy.assessment.api.Scorecard;
import cn.sc.countyeconomy.assessment.api.ScorecardPage;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The scorecard as one printable HTML page (template {@code templates/scorecard.html}). */
@ApplicationScoped
public class ScorecardPages {

    static final int MAX_LINES = 12;

    @Inject
    RunService runs;
    @Inject
    ScoreMaps maps;
    @Inject
    Template scorecard;

    public String page(String county, int year) {
        Scorecard card = runs.scorecard(county, year);
        String svg = null;
        String missing = null;
        try {
            Optional<String> map = maps.prefectureMap(year, county);
            svg = map.orElse(null);
            missing = map.isPresent() ? null : "The registry's shapes hold no outline of this county.";
        } catch (ApiException e) {
            // the page stands without its map: the registry's shapes are context, not the scorecard
            missing = "county-registry-service did not answer: the map is missing (" + e.getMessage() + ").";
        }
        ScorecardPage page = new ScorecardPage(card, svg, missing, areas(card), part(card.assistance()), part(card.pilots()));
        return scorecard.data("page", page).data("card", card).render();
    }

    private static List<ScorecardPage.AreaBar> areas(Scorecard card) {
        List<ScorecardPage.AreaBar> bars = new ArrayList<>();
        if (card.areaScores() instanceof Map<?, ?> scores) {
            Map<?, ?> medians = card.areaMedians() instanceof Map<?, ?> m ? m : Map.of();
            new java.util.TreeMap<>(scores).forEach((a, v) -> {
                if (v instanceof Number n) {
                    Object med = medians.get(a);
                    bars.add(new ScorecardPage.AreaBar(String.valueOf(a), n.doubleValue(), med instanceof Number mn ? mn.doubleValue() : null));
                }
            });
        }
        return bars;
    }

    private static ScorecardPage.Part part(Object external) {
        if (!(external instanceof ExternalPart p)) {
            return new ScorecardPage.Part("?", "UNAVAILABLE", "not asked", List.of());
        }
        String note = switch (p.status()) {
            case "AVAILABLE" -> null;
            case "NONE" -> p.source() + " has nothing for this county.";
            default -> p.source() + " did not answer: this part is missing, not empty.";
        };
        List<String> lines = new ArrayList<>();
        if (p.data() != null) {
            if (p.data().path("components").isArray()) {
                effectiveness(p.data(), lines);
            } else if (p.data().path("pilots").isArray()) {
                pilots(p.data(), lines);
            } else {
                lines(p.data(), "", lines);
            }
        }
        return new ScorecardPage.Part(p.source(), p.status(), note, lines);
    }

    /**
     * assistance-service's effectiveness as a reader wants it: the score, then each component's figure
     * against its target and the points it gives of its weight (a generic dump of the fields, as before,
     * listed "components[1].code: TRAINING" and was cut off before the score); for a county the effectiveness
     * does not apply to (not designated in the year), its reason instead.
     */
    private static void effectiveness(JsonNode data, List<String> out) {
        if ("NOT_APPLICABLE".equals(data.path("status").asText())) {
            // a county not designated underdeveloped in the year: there is nothing to score, and the page says why
            out.add("not applicable 不适用: " + data.path("reason").asText("no reason given"));
            return;
        }
        if (data.hasNonNull("score")) {
            out.add("score 得分: " + data.get("score").asText() + " of 100");
        }
        for (JsonNode c : data.get("components")) {
            out.add(c.path("name").asText(c.path("code").asText()) + ": " + c.path("value").asText() + " of " + c.path("target").asText()
                    + " → " + c.path("contribution").asText() + " of " + c.path("weight").asText() + " points");
        }
    }

    /** reform-pilot-service's pilots of the county: programme, status and since when, leading task. */
    private static void pilots(JsonNode data, List<String> out) {
        if (data.get("pilots").isEmpty()) {
            out.add("no reform pilot in this county 本县无改革试点");
        }
        for (JsonNode p : data.get("pilots")) {
            String programme = p.hasNonNull("programName") ? p.get("programName").asText() : p.path("programme").asText("?");
            String since = p.hasNonNull("since") ? " since " + p.get("since").asText() : "";
            out.add(programme + ": " + p.path("status").asText() + since);
            if (p.hasNonNull("leadingTask")) {
                out.add("leading task 主攻任务: " + p.get("leadingTask").asText());
            }
        }
    }

    /** The scalar fields of an answer as "name: value" lines, nested names joined by dots, at most {@value #MAX_LINES}. */
    private static void lines(JsonNode node, String prefix, List<String> out) {
        if (out.size() >= MAX_LINES) {
            return;
        }
        if (node.isValueNode()) {
            out.add(prefix + ": " + node.asText());
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                lines(node.get(i), prefix + "[" + (i + 1) + "]", out);
            }
        } else {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                lines(f.getValue(), prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), out);
            }
        }
    }
}
