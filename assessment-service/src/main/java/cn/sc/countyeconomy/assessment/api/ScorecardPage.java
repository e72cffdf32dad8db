package cn.sc.countyeconomy.assessment.api;

import java.util.List;

/**
 * What the printable scorecard page shows: the scorecard, the county on a map of its prefecture
 * (SVG, or null when the shapes could not be had), area bars against the category median, and
 * the parts from the other services as lines, with whether they answered.
 */
public record ScorecardPage(Scorecard card, String mapSvg, String mapMissing, List<AreaBar> areas, Part assistance, Part pilots) {

    /** One area's score and its category's median, both 0 to 100. */
    public record AreaBar(String area, double score, Double median) {
    }

    /** A part from another service: whether it answered, and what it said as short lines. */
    public record Part(String source, String status, String note, List<String> lines) {
    }
}
