package cn.sc.countyeconomy.assessment.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.Map;

@Schema(name = "CountyResult", description = "One county's result in a run.")
public record ResultView(String countyCode, String countyName, String category, String status, BigDecimal overall,
        Integer rank, Integer previousRank, Integer rankChange, String award,
        @Schema(description = "dataShare, areaScores, indicators (raw, imputed, treated, normalised, treatment) and redLines (rule, indicator, value, threshold, outcome).") Map<String, Object> detail) {
}
