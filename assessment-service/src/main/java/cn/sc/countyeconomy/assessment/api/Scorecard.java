package cn.sc.countyeconomy.assessment.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

@Schema(name = "Scorecard", description = "One county's year on one page.")
public record Scorecard(String countyCode, String countyName, int year, long runId, String category, String status,
        BigDecimal overall, Integer rank, Integer rankedInCategory, Integer previousRank,
        Integer rankChange,
        @Schema(description = "Why rankChange is null: NOT_RANKED (no rank this year), NO_PREVIOUS_RANK (not ranked in the previous official run), CATEGORY_CHANGED (ranked in another category then: places in two categories do not compare)", example = "CATEGORY_CHANGED") String rankChangeReason,
        String award, Object areaScores, Object areaMedians,
        List<IndicatorComparison> strongest, List<IndicatorComparison> weakest,
        Object redLines,
        @Schema(description = "CLEAR, DISQUALIFIED, CAPPED, REVIEW (a red-line value is missing and the scheme wants it reviewed: no award) or INCOMPLETE (missing and ignored)", example = "CLEAR") String redLineStatus,
        @Schema(description = "Effectiveness of assistance for the year, from assistance-service") Object assistance,
        @Schema(description = "Reform pilots of the county, from reform-pilot-service") Object pilots) {
}
