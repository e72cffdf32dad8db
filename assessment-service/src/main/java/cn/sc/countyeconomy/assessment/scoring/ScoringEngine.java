package cn.sc.countyeconomy.assessment.scoring;

import cn.sc.countyeconomy.assessment.scoring.Model.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.*;

/**
 * One scoring run, computed category by category. Counties are processed in the order of their
 * codes and indicators in the scheme's order, so the same inputs give bit-identical results.
 * <ol>
 * <li>Data share: the share of the scheme's indicators with a raw value; below the scheme's
 * minimum the county is INSUFFICIENT_DATA and takes no further part.</li>
 * <li>Imputation per indicator: none, or the mean / median of the category's observed values.</li>
 * <li>Outlier treatment per indicator within the category ({@link OutlierTreatment}); not applied
 * to indicators normalised against fixed goalposts or a target, whose bounds are in raw units.</li>
 * <li>Normalisation per indicator within the category ({@link Normaliser}).</li>
 * <li>Aggregation: an area's score is the weighted mean of its indicators (weights renormalised
 * over the indicators the county has); the overall score is the weighted mean of the area scores
 * with each area weighing the sum of its indicators' weights. Arithmetic, or geometric after a
 * shift c = 1 - min(0, smallest normalised value in the category): exp(Σ w ln(y + c)) - c.</li>
 * <li>Red lines on raw values; DISQUALIFY removes the county from the ranking, CAP limits its
 * overall score.</li>
 * <li>Scores are rounded to 6 decimals (half-even); ranks are competition ranks of the rounded
 * overall score, ties shared.</li>
 * <li>Rank change against the previous official ranks; awards by the scheme's rules in order, one per county.</li>
 * </ol>
 */
public final class ScoringEngine {

    public static final int SCALE = 6;

    private ScoringEngine() {
    }

    /** Options that a sensitivity replication overrides; null means "as the scheme says". */
    public record Overrides(Normalisation normalisation, Imputation imputation, boolean detail) {

        public static final Overrides NONE = new Overrides(null, null, true);

        public Overrides(Normalisation normalisation, Imputation imputation) {
            this(normalisation, imputation, true);
        }
    }

    public static Result score(Scheme scheme, List<CountyInput> inputs, Map<String, Integer> previousRanks) {
        return score(scheme, inputs, previousRanks, Overrides.NONE);
    }

    public static Result score(Scheme scheme, List<CountyInput> inputs, Map<String, Integer> previousRanks, Overrides overrides) {
        Map<String, List<CountyInput>> byCategory = new TreeMap<>();
        List<CountyResult> results = new ArrayList<>();
        List<TreatmentLog> logs = new ArrayList<>();
        List<CountyInput> sorted = new ArrayList<>(inputs);
        sorted.sort(Comparator.comparing(CountyInput::countyCode));
        for (CountyInput c : sorted) {
            if (c.category() == null || !scheme.weights().containsKey(c.category())) {
                results.add(new CountyResult(c.countyCode(), c.category(), Status.NO_CATEGORY, share(scheme, c),
                        rawOnly(scheme, c), Map.of(), null, null, previousRanks.get(c.countyCode()), null, List.of(), null));
            } else {
                byCategory.computeIfAbsent(c.category(), k -> new ArrayList<>()).add(c);
            }
        }
        for (Map.Entry<String, List<CountyInput>> e : byCategory.entrySet()) {
            results.addAll(scoreCategory(scheme, e.getKey(), e.getValue(), previousRanks, overrides, logs));
        }
        results.sort(Comparator.comparing((CountyResult r) -> r.category() == null ? "~" : r.category())
                .thenComparing(r -> r.rank() == null ? Integer.MAX_VALUE : r.rank())
                .thenComparing(CountyResult::countyCode));
        return new Result(results, logs);
    }

    private static List<CountyResult> scoreCategory(Scheme scheme, String category, List<CountyInput> counties,
            Map<String, Integer> previousRanks, Overrides overrides,
            List<TreatmentLog> logs) {
        List<CountyResult> out = new ArrayList<>();
        List<CountyInput> included = withEnoughData(scheme, category, counties, previousRanks, out);
        int n = included.size();
        Matrix m = new Matrix(n, scheme.indicators().size());
        for (int j = 0; j < m.k; j++) {
            prepareIndicator(scheme, category, included, j, m, overrides, logs);
        }
        double shift = scheme.aggregation() == Aggregation.GEOMETRIC ? geometricShift(m.normalised) : 1;
        List<Map<String, Double>> areaScores = new ArrayList<>();
        double[] overall = new double[n];
        for (int i = 0; i < n; i++) {
            Map<String, Double> scores = new LinkedHashMap<>();
            overall[i] = overallScore(scheme, scheme.weights().get(category), m.normalised[i], shift, scores);
            areaScores.add(scores);
        }
        Status[] status = new Status[n];
        List<List<RedLineFinding>> findings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RedLines rl = redLines(scheme, included.get(i));
            findings.add(rl.findings);
            status[i] = rl.disqualified ? Status.DISQUALIFIED : Status.SCORED;
            if (rl.cap != null && overall[i] > rl.cap) {
                overall[i] = round(rl.cap);
            }
        }
        Integer[] rank = ranks(status, overall);
        Integer[] change = new Integer[n];
        for (int i = 0; i < n; i++) {
            Integer prev = previousRanks.get(included.get(i).countyCode());
            change[i] = rank[i] != null && prev != null ? prev - rank[i] : null;
        }
        String[] award = awards(scheme.awards(), rank, change);
        for (int i = 0; i < n; i++) {
            CountyInput c = included.get(i);
            out.add(new CountyResult(c.countyCode(), category, status[i], share(scheme, c), indicatorResults(scheme, m, i, overrides),
                    areaScores.get(i), overall[i], rank[i], previousRanks.get(c.countyCode()), change[i], findings.get(i), award[i]));
        }
        return out;
    }

    /** A category's values, county by indicator: raw, imputed flag, treated and normalised, and each indicator's treatment. */
    private static final class Matrix {

        final int k;
        final Double[][] raw;
        final Double[][] treated;
        final Double[][] normalised;
        final boolean[][] imputed;
        final Treatment[] treatment;

        Matrix(int n, int k) {
            this.k = k;
            raw = new Double[n][k];
            treated = new Double[n][k];
            normalised = new Double[n][k];
            imputed = new boolean[n][k];
            treatment = new Treatment[k];
        }
    }

    /** The counties with enough data; the others are added to {@code out} as INSUFFICIENT_DATA. */
    private static List<CountyInput> withEnoughData(Scheme scheme, String category, List<CountyInput> counties,
            Map<String, Integer> previousRanks, List<CountyResult> out) {
        List<CountyInput> included = new ArrayList<>();
        for (CountyInput c : counties) {
            if (share(scheme, c) + 1e-12 < scheme.minDataShare()) {
                out.add(new CountyResult(c.countyCode(), category, Status.INSUFFICIENT_DATA, share(scheme, c),
                        rawOnly(scheme, c), Map.of(), null, null, previousRanks.get(c.countyCode()), null,
                        redLines(scheme, c).findings, null));
            } else {
                included.add(c);
            }
        }
        return included;
    }

    /** Indicator j of the category: raw values, imputation, outlier treatment and normalisation, into the matrix. */
    private static void prepareIndicator(Scheme scheme, String category, List<CountyInput> included, int j, Matrix mx,
            Overrides overrides, List<TreatmentLog> logs) {
        IndicatorSpec spec = scheme.indicators().get(j);
        int n = included.size();
        List<Double> observed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            mx.raw[i][j] = included.get(i).values().get(spec.code());
            if (mx.raw[i][j] != null) {
                observed.add(mx.raw[i][j]);
            }
        }
        Double fill = imputedValue(overrides.imputation() != null ? overrides.imputation() : spec.imputation(), observed);
        int m = 0;
        int[] index = new int[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            Double v = mx.raw[i][j];
            if (v == null && fill != null) {
                v = fill;
                mx.imputed[i][j] = true;
            }
            if (v != null) {
                index[m] = i;
                values[m++] = v;
            }
        }
        values = Arrays.copyOf(values, m);
        Normalisation method = overrides.normalisation() != null && usable(overrides.normalisation(), spec)
                ? overrides.normalisation()
                : spec.normalisation();
        mx.treatment[j] = Treatment.NONE;
        if (spec.treatOutliers() && method != Normalisation.GOALPOSTS && method != Normalisation.DISTANCE_TO_TARGET && m >= 4) {
            OutlierTreatment.Outcome o = OutlierTreatment.treat(values);
            mx.treatment[j] = o.treatment();
            if (o.treatment() != Treatment.NONE) {
                values = o.values();
                logs.add(new TreatmentLog(category, spec.code(), o.skewBefore(), o.kurtosisBefore(), o.treatment(),
                        o.pointsWinsorised(), o.skewAfter(), o.kurtosisAfter()));
            }
        }
        double[] norm = Normaliser.normalise(values, spec, method);
        for (int a = 0; a < m; a++) {
            mx.treated[index[a]][j] = values[a];
            mx.normalised[index[a]][j] = norm[a];
        }
    }

    /** The value that fills a missing one: null for NONE or when nothing was observed. */
    private static Double imputedValue(Imputation imputation, List<Double> observed) {
        if (imputation == Imputation.NONE || observed.isEmpty()) {
            return null;
        }
        double[] obs = observed.stream().mapToDouble(Double::doubleValue).toArray();
        return imputation == Imputation.CATEGORY_MEAN ? Statistics.mean(obs) : Statistics.median(obs);
    }

    /** c = 1 - min(0, smallest normalised value in the category). */
    private static double geometricShift(Double[][] normalised) {
        double minY = 0;
        for (Double[] row : normalised) {
            for (Double y : row) {
                if (y != null) {
                    minY = Math.min(minY, y);
                }
            }
        }
        return 1 - minY;
    }

    /** A county's rounded overall score from its area scores (which are put, rounded, into {@code scores}). */
    private static double overallScore(Scheme scheme, Map<String, Double> weights, Double[] normalised, double shift,
            Map<String, Double> scores) {
        List<IndicatorSpec> specs = scheme.indicators();
        List<String> areas = new ArrayList<>();
        for (IndicatorSpec s : specs) {
            if (!areas.contains(s.area())) {
                areas.add(s.area());
            }
        }
        List<double[]> areaParts = new ArrayList<>();
        for (String area : areas) {
            List<double[]> parts = new ArrayList<>();
            for (int j = 0; j < specs.size(); j++) {
                double w = weights.getOrDefault(specs.get(j).code(), 0.0);
                if (specs.get(j).area().equals(area) && w > 0 && normalised[j] != null) {
                    parts.add(new double[]{w, normalised[j]});
                }
            }
            if (!parts.isEmpty()) {
                double a = aggregate(parts, scheme.aggregation(), shift);
                double areaWeight = parts.stream().mapToDouble(p -> p[0]).sum();
                scores.put(area, round(a));
                areaParts.add(new double[]{areaWeight, a});
            }
        }
        return areaParts.isEmpty() ? 0 : round(aggregate(areaParts, scheme.aggregation(), shift));
    }

    /** Competition ranks of the SCORED counties' overall scores; null for the others. */
    private static Integer[] ranks(Status[] status, double[] overall) {
        List<Integer> rankedIdx = new ArrayList<>();
        for (int i = 0; i < status.length; i++) {
            if (status[i] == Status.SCORED) {
                rankedIdx.add(i);
            }
        }
        double[] rankedScores = rankedIdx.stream().mapToDouble(i -> overall[i]).toArray();
        int[] ranks = Statistics.competitionRanks(rankedScores, true);
        Integer[] rank = new Integer[status.length];
        for (int r = 0; r < ranks.length; r++) {
            rank[rankedIdx.get(r)] = ranks[r];
        }
        return rank;
    }

    private static List<IndicatorResult> indicatorResults(Scheme scheme, Matrix m, int i, Overrides overrides) {
        List<IndicatorResult> ind = new ArrayList<>(overrides.detail() ? m.k : 0);
        for (int j = 0; overrides.detail() && j < m.k; j++) {
            IndicatorSpec s = scheme.indicators().get(j);
            ind.add(new IndicatorResult(s.code(), s.area(), m.raw[i][j], m.imputed[i][j], roundOrNull(m.treated[i][j]),
                    roundOrNull(m.normalised[i][j]), m.treatment[j]));
        }
        return ind;
    }

    static boolean usable(Normalisation method, IndicatorSpec spec) {
        return switch (method) {
            case DISTANCE_TO_TARGET -> spec.target() != null;
            case GOALPOSTS -> spec.lowerGoalpost() != null && spec.upperGoalpost() != null;
            default -> true;
        };
    }

    /** Weighted arithmetic or (shifted) geometric mean of (weight, value) pairs; weights renormalised. */
    public static double aggregate(List<double[]> parts, Aggregation aggregation, double shift) {
        double sw = 0;
        for (double[] p : parts) {
            sw += p[0];
        }
        double acc = 0;
        for (double[] p : parts) {
            acc += aggregation == Aggregation.ARITHMETIC ? p[0] / sw * p[1] : p[0] / sw * Math.log(p[1] + shift);
        }
        return aggregation == Aggregation.ARITHMETIC ? acc : Math.exp(acc) - shift;
    }

    private static String[] awards(List<AwardRule> rules, Integer[] rank, Integer[] change) {
        int n = rank.length;
        String[] award = new String[n];
        for (AwardRule rule : rules) {
            if (rule.type() == AwardRuleType.TOP_N_IN_CATEGORY) {
                for (int i = 0; i < n; i++) {
                    if (award[i] == null && rank[i] != null && rank[i] <= rule.n()) {
                        award[i] = rule.award();
                    }
                }
            } else {
                int min = Math.max(1, rule.minGain());
                List<Integer> candidates = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (award[i] == null && change[i] != null && change[i] >= min) {
                        candidates.add(i);
                    }
                }
                candidates.sort((a, b) -> Integer.compare(change[b], change[a]));
                if (!candidates.isEmpty() && rule.n() > 0) {
                    int boundary = change[candidates.get(Math.min(rule.n(), candidates.size()) - 1)];
                    for (int i : candidates) {
                        if (change[i] >= boundary) {
                            award[i] = rule.award();
                        }
                    }
                }
            }
        }
        return award;
    }

    private record RedLines(List<RedLineFinding> findings, boolean disqualified, Double cap) {
    }

    private static RedLines redLines(Scheme scheme, CountyInput c) {
        List<RedLineFinding> findings = new ArrayList<>();
        boolean disqualified = false;
        Double cap = null;
        for (RedLineRule r : scheme.redLines()) {
            Double v = c.values().get(r.indicator());
            String outcome;
            if (v == null) {
                outcome = "NOT_EVALUATED";
            } else {
                boolean fail = r.operator() == RedLineOperator.AT_MOST ? v > r.threshold() : v < r.threshold();
                outcome = fail ? "FAILED" : "PASSED";
                if (fail && r.consequence() == RedLineConsequence.DISQUALIFY) {
                    disqualified = true;
                } else if (fail && r.cap() != null) {
                    cap = cap == null ? r.cap() : Math.min(cap, r.cap());
                }
            }
            findings.add(new RedLineFinding(r.code(), r.indicator(), v, r.threshold(), r.operator(), outcome,
                    outcome.equals("FAILED") ? r.consequence().name() : null, r.description()));
        }
        return new RedLines(findings, disqualified, cap);
    }

    private static double share(Scheme scheme, CountyInput c) {
        if (scheme.indicators().isEmpty()) {
            return 0;
        }
        long present = scheme.indicators().stream().filter(s -> c.values().get(s.code()) != null).count();
        return (double) present / scheme.indicators().size();
    }

    private static List<IndicatorResult> rawOnly(Scheme scheme, CountyInput c) {
        List<IndicatorResult> out = new ArrayList<>();
        for (IndicatorSpec s : scheme.indicators()) {
            out.add(new IndicatorResult(s.code(), s.area(), c.values().get(s.code()), false, null, null, Treatment.NONE));
        }
        return out;
    }

    public static double round(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        return BigDecimal.valueOf(v).setScale(SCALE, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static Double roundOrNull(Double v) {
        return v == null ? null : round(v);
    }
}
