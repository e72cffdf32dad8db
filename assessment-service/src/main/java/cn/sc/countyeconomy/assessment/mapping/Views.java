package cn.sc.countyeconomy.assessment.mapping;

import cn.sc.countyeconomy.assessment.*;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the API shows of the entities. */
public final class Views {
    private Views() {
    }

    @Schema(name = "Indicator")
    public record IndicatorView(String code, String name, String nameEn, String unit, String area, String direction,
                                String description, String source, BigDecimal minValue, BigDecimal maxValue,
                                boolean required, BigDecimal yoyThresholdPercent, long version) {
        public static IndicatorView of(Indicator e) {
            return new IndicatorView(e.code, e.nameZh, e.nameEn, e.unit, e.areaCode, e.direction, e.description, e.source,
                    e.minValue, e.maxValue, e.required, e.yoyThresholdPercent, e.version);
        }
    }

    @Schema(name = "Scheme")
    public record SchemeView(long id, int year, int schemeVersion, String status, SchemeDefinition definition,
                             Instant createdAt, Instant publishedAt, long version) {
    }

    @Schema(name = "Submission", description = "The workflow state of one county's data for one year.")
    public record SubmissionView(String countyCode, int year, Submission.Status status, boolean synthetic,
                                 String reason, Instant updatedAt, long version) {
        public static SubmissionView of(Submission s) {
            return new SubmissionView(s.countyCode, s.year, s.status, s.synthetic, s.reason, s.updatedAt, s.version);
        }
    }

    @Schema(name = "IndicatorValue")
    @JsonPropertyOrder({"countyCode", "year", "indicatorCode", "value", "synthetic", "source", "flag"})
    public record ValueView(String countyCode, int year, String indicatorCode, BigDecimal value, boolean synthetic,
                            String source, String flag) {
        public static ValueView of(IndicatorValue v) {
            return new ValueView(v.countyCode, v.year, v.indicatorCode, v.value, v.synthetic, v.source, v.flag);
        }
    }

    @Schema(name = "ScoringRun")
    public record RunView(long id, int year, long schemeId, int schemeVersion, String inputHash, int countyCount,
                          boolean official, Instant createdAt, String createdBy,
                          @Schema(description = "Outlier treatments applied, per category and indicator.") Object treatments) {
    }

    @Schema(name = "CountyResult", description = "One county's result in a run.")
    public record ResultView(String countyCode, String countyName, String category, String status, BigDecimal overall,
                             Integer rank, Integer previousRank, Integer rankChange, String award,
                             @Schema(description = "dataShare, areaScores, indicators (raw, imputed, treated, normalised, treatment) and redLines (rule, indicator, value, threshold, outcome).")
                             Map<String, Object> detail) {
    }

    @Schema(name = "RankingRow")
    @JsonPropertyOrder({"category", "rank", "countyCode", "countyName", "overall", "status", "rankChange", "award", "runId"})
    public record RankingRow(String category, Integer rank, String countyCode, String countyName, BigDecimal overall,
                             String status, Integer rankChange, String award, long runId) {
    }

    @Schema(name = "Scorecard", description = "One county's year on one page.")
    public record Scorecard(String countyCode, String countyName, int year, long runId, String category, String status,
                            BigDecimal overall, Integer rank, Integer rankedInCategory, Integer previousRank,
                            Integer rankChange, String award, Object areaScores, Object areaMedians,
                            List<IndicatorComparison> strongest, List<IndicatorComparison> weakest,
                            Object redLines, String redLineStatus,
                            @Schema(description = "Effectiveness of assistance for the year, from assistance-service") Object assistance,
                            @Schema(description = "Reform pilots of the county, from reform-pilot-service") Object pilots) {
    }

    @Schema(name = "IndicatorComparison", description = "A normalised indicator value against the category's median (same normalisation).")
    public record IndicatorComparison(String indicator, String name, Double raw, Double normalised,
                                      Double categoryMedian, Double difference) {
    }

    @Schema(name = "SensitivityJob")
    public record JobView(long id, long runId, String status, int replications, int done,
                          @Schema(description = "Percent done, 0 to 100.") double percent,
                          Object config, Object result, String error, Instant createdAt, Instant finishedAt) {
    }
}
