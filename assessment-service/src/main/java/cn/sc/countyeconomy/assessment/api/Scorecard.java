package cn.sc.countyeconomy.assessment.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

@Schema(name = "Scorecard", description = "One county's year on one page.")
public record Scorecard(String countyCode, String countyName, int year, long runId, String category, String status,
        BigDecimal overall, Integer rank, Integer rankedInCategory, Integer previousRank,
        Integer rankChange, String award, Object areaScores, Object areaMedians,
        List<IndicatorComparison> strongest, List<IndicatorComparison> weakest,
        Object redLines, String redLineStatus,
        @Schema(description = "Effectiveness of assistance for the year, from assistance-service") Object assistance,
        @Schema(description = "Reform pilots of the county, from reform-pilot-service") Object pilots) {
}
