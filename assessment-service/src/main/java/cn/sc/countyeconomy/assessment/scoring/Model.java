package cn.sc.countyeconomy.assessment.scoring;

import java.util.List;
import java.util.Map;

/**
 * The inputs of the pure computation: a scheme reduced to what scoring needs, and one county's raw
 * values. Nothing here knows about HTTP, the database or the registry, so the same code runs in a
 * scoring run, in a sensitivity replication and in the benchmark.
 */
public final class Model {

    private Model() {
    }

    public enum Direction {
        HIGHER_IS_BETTER, LOWER_IS_BETTER
    }

    public enum Imputation {
        NONE, CATEGORY_MEAN, CATEGORY_MEDIAN
    }

    public enum Normalisation {
        MIN_MAX, Z_SCORE, DISTANCE_TO_TARGET, GOALPOSTS, RANK, PERCENTILE_RANK
    }

    public enum Aggregation {
        ARITHMETIC, GEOMETRIC
    }

    public enum RedLineOperator {
        /** The value must not exceed the threshold (e.g. debt ratio against its warning line). */
        AT_MOST,
        /** The value must reach the threshold (e.g. retained arable land against its red line). */
        AT_LEAST
    }

    public enum RedLineConsequence {
        DISQUALIFY, CAP
    }

    public enum AwardRuleType {
        /** Every scored county ranked n or better in its category (ties at the boundary included). */
        TOP_N_IN_CATEGORY,
        /** The n largest rank gains in the category against the previous official run, of at least minGain places. */
        RANK_GAIN_IN_CATEGORY
    }

    /** How one indicator is treated, normalised and imputed. */
    public record IndicatorSpec(String code, String area, Direction direction, Normalisation normalisation,
            Imputation imputation, boolean treatOutliers,
            Double target, Double lowerGoalpost, Double upperGoalpost) {
    }

    public record RedLineRule(String code, String indicator, RedLineOperator operator, double threshold,
            RedLineConsequence consequence, Double cap, String description) {
    }

    public record AwardRule(String award, AwardRuleType type, int n, int minGain) {
    }

    /**
     * A scheme as scoring needs it. {@code weights}: category -> indicator -> weight (each
     * category's weights sum to 1); {@code minDataShare}: the share of the scheme's indicators a
     * county must have (before imputation) to be scored.
     */
    public record Scheme(List<IndicatorSpec> indicators, Map<String, Map<String, Double>> weights,
            Aggregation aggregation, double minDataShare, List<RedLineRule> redLines,
            List<AwardRule> awards) {
    }

    /** One county's raw values (indicator -> value; absent or null = missing). */
    public record CountyInput(String countyCode, String category, Map<String, Double> values) {
    }

    public enum Status {
        SCORED,
        /** A red-line rule with consequence DISQUALIFY failed: score shown, no rank, no award. */
        DISQUALIFIED,
        /** Fewer indicators than the scheme's minimum data share: no score. */
        INSUFFICIENT_DATA,
        /** The registry gave the county no category for the year, or the scheme has no weights for it. */
        NO_CATEGORY
    }

    public enum Treatment {
        NONE, WINSORISED, LOG_TRANSFORMED
    }

    public record IndicatorResult(String indicator, String area, Double raw, boolean imputed, Double treated,
            Double normalised, Treatment treatment) {
    }

    public record RedLineFinding(String rule, String indicator, Double value, double threshold,
            RedLineOperator operator, String outcome, String consequence, String description) {
    }

    public record CountyResult(String countyCode, String category, Status status, double dataShare,
            List<IndicatorResult> indicators, Map<String, Double> areaScores,
            Double overall, Integer rank, Integer previousRank, Integer rankChange,
            List<RedLineFinding> redLines, String award) {
    }

    /** What was done to an indicator within a category, for the run's transparency report. */
    public record TreatmentLog(String category, String indicator, double skewBefore, double kurtosisBefore,
            Treatment treatment, int pointsWinsorised, Double skewAfter, Double kurtosisAfter) {
    }

    public record Result(List<CountyResult> counties, List<TreatmentLog> treatments) {
    }
}
