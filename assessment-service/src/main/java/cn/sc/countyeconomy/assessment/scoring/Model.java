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

    /**
     * What a county's missing value of a red-line indicator means (a scheme states it): not reporting
     * must not avoid the red line.
     */
    public enum MissingRedLineValue {
        /** The rule counts as failed: its consequence (disqualify or cap) applies. */
        FAIL,
        /**
         * The default. Scored and ranked, the finding says REVIEW and the scorecard's red-line status is
         * REVIEW; no award while a red line is unreviewed.
         */
        REVIEW,
        /** Not evaluated, no consequence (the behaviour before schemes stated it). */
        IGNORE
    }

    /** A county's rank in the previous official run and the category it was ranked in. */
    public record PreviousRank(int rank, String category) {
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
            List<AwardRule> awards, Parameters parameters, MissingRedLineValue missingRedLineValue) {

        public Scheme {
            parameters = parameters == null ? Parameters.COINR_DEFAULTS : parameters.withDefaults();
            missingRedLineValue = missingRedLineValue == null ? MissingRedLineValue.REVIEW : missingRedLineValue;
        }

        /** A scheme whose missing red-line values are REVIEW (the default). */
        public Scheme(List<IndicatorSpec> indicators, Map<String, Map<String, Double>> weights, Aggregation aggregation,
                double minDataShare, List<RedLineRule> redLines, List<AwardRule> awards, Parameters parameters) {
            this(indicators, weights, aggregation, minDataShare, redLines, awards, parameters, null);
        }

        /** A scheme with COINr's default parameters. */
        public Scheme(List<IndicatorSpec> indicators, Map<String, Map<String, Double>> weights, Aggregation aggregation,
                double minDataShare, List<RedLineRule> redLines, List<AwardRule> awards) {
            this(indicators, weights, aggregation, minDataShare, redLines, awards, null, null);
        }
    }

    /**
     * The parameters of COINr's functions that a scheme may set; a missing one takes COINr 1.1.14's
     * default. {@code winmax}, {@code skewThreshold}, {@code kurtosisThreshold}: {@code Treat()}'s
     * {@code winsorise(winmax)} and {@code check_SkewKurt(skew_thresh, kurt_thresh)} (5, 2, 3.5);
     * {@code minMaxLower/Upper}: {@code n_minmax(l_u)} (0, 100); {@code zScoreMean/Sd}:
     * {@code n_zscore(m_sd)} (0, 1); {@code dist2targCapMax}: {@code n_dist2targ(cap_max)} (false);
     * {@code goalpostScale}, {@code goalpostTruncate}: {@code n_goalposts(gposts[3], trunc2posts)}
     * (100 - COINr has no default scale, 100 matches n_minmax's - and true).
     */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ScoringParameters", description = "Parameters of COINr's functions; a missing one takes COINr 1.1.14's default.")
    public record Parameters(@jakarta.validation.constraints.Positive Integer winmax, Double skewThreshold, Double kurtosisThreshold, Double minMaxLower,
            Double minMaxUpper, Double zScoreMean, @jakarta.validation.constraints.Positive Double zScoreSd, Boolean dist2targCapMax, Double goalpostScale,
            Boolean goalpostTruncate) {

        public static final Parameters COINR_DEFAULTS = new Parameters(5, 2.0, 3.5, 0.0, 100.0, 0.0, 1.0, false, 100.0, true);

        public Parameters withDefaults() {
            Parameters d = COINR_DEFAULTS;
            return new Parameters(winmax == null ? d.winmax : winmax, skewThreshold == null ? d.skewThreshold : skewThreshold,
                    kurtosisThreshold == null ? d.kurtosisThreshold : kurtosisThreshold,
                    minMaxLower == null ? d.minMaxLower : minMaxLower, minMaxUpper == null ? d.minMaxUpper : minMaxUpper,
                    zScoreMean == null ? d.zScoreMean : zScoreMean, zScoreSd == null ? d.zScoreSd : zScoreSd,
                    dist2targCapMax == null ? d.dist2targCapMax : dist2targCapMax,
                    goalpostScale == null ? d.goalpostScale : goalpostScale,
                    goalpostTruncate == null ? d.goalpostTruncate : goalpostTruncate);
        }
    }

    /** One county's raw values (indicator -> value; absent or null = missing). */
    public record CountyInput(String countyCode, String category, Map<String, Double> values) {
    }

    /**
     * The raw values of a run as primitive columns, the form scoring reads: county i is
     * {@code countyCodes[i]} in {@code categories[i]}, its value of {@code indicators[j]} is
     * {@code values[j][i]} (NaN = missing). Build it straight from stored rows, or with
     * {@link #of(List, List)} from per-county maps.
     */
    public record InputTable(String[] countyCodes, String[] categories, String[] indicators, double[][] values) {

        /** Column of an indicator, -1 when the table has none. */
        public int column(String indicator) {
            for (int j = 0; j < indicators.length; j++) {
                if (indicators[j].equals(indicator)) {
                    return j;
                }
            }
            return -1;
        }

        /** The columns {@code indicators} of per-county maps (absent or null = NaN). */
        public static InputTable of(List<CountyInput> inputs, List<String> indicators) {
            int n = inputs.size();
            String[] codes = new String[n];
            String[] cats = new String[n];
            String[] ind = indicators.toArray(new String[0]);
            double[][] v = new double[ind.length][n];
            for (int i = 0; i < n; i++) {
                CountyInput c = inputs.get(i);
                codes[i] = c.countyCode();
                cats[i] = c.category();
                for (int j = 0; j < ind.length; j++) {
                    Double x = c.values().get(ind[j]);
                    v[j][i] = x == null ? Double.NaN : x;
                }
            }
            return new InputTable(codes, cats, ind, v);
        }

        /** The indicators a scheme reads: its own, then those only its red lines name. */
        public static List<String> indicatorsOf(Scheme scheme) {
            java.util.LinkedHashSet<String> s = new java.util.LinkedHashSet<>();
            scheme.indicators().forEach(i -> s.add(i.code()));
            scheme.redLines().forEach(r -> s.add(r.indicator()));
            return List.copyOf(s);
        }
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

    /**
     * One county's result. {@code previousRank}: its rank in the previous official run (whatever the
     * category); {@code rankChange} only when it was ranked in the same category then and now, else
     * null with {@code rankChangeReason} (NOT_RANKED, NO_PREVIOUS_RANK, CATEGORY_CHANGED).
     */
    public record CountyResult(String countyCode, String category, Status status, double dataShare,
            List<IndicatorResult> indicators, Map<String, Double> areaScores,
            Double overall, Integer rank, Integer previousRank, Integer rankChange,
            List<RedLineFinding> redLines, String award, String rankChangeReason) {
    }

    /** What was done to an indicator within a category, for the run's transparency report. */
    public record TreatmentLog(String category, String indicator, double skewBefore, double kurtosisBefore,
            Treatment treatment, int pointsWinsorised, Double skewAfter, Double kurtosisAfter) {
    }

    public record Result(List<CountyResult> counties, List<TreatmentLog> treatments) {
    }
}
