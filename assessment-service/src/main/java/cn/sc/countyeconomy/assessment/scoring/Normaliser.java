package cn.sc.countyeconomy.assessment.scoring;

import cn.sc.countyeconomy.assessment.scoring.Model.Direction;
import cn.sc.countyeconomy.assessment.scoring.Model.IndicatorSpec;
import cn.sc.countyeconomy.assessment.scoring.Model.Normalisation;

/**
 * Normalisation of one indicator's treated values within one category (the counties that are
 * scored). Lower-is-better indicators are turned round so that a higher normalised value is
 * always better. An indicator with no spread in the category (all values equal) gives every
 * county 50: it carries no information for the ranking.
 * <ul>
 * <li>MIN_MAX: 100 (x - min)/(max - min); lower is better: 100 (max - x)/(max - min) (COINr n_minmax to [0, 100]).</li>
 * <li>Z_SCORE: z = d (x - mean)/s with s the sample sd and d = +1/-1 by direction, reported as
 * 50 + 10 z (COINr n_zscore with m_sd = c(50, 10)), not capped.</li>
 * <li>DISTANCE_TO_TARGET: 100 (x - min)/(target - min), or 100 (max - x)/(max - target) when lower
 * is better, capped to [0, 100] (COINr n_dist2targ with cap_max = TRUE).</li>
 * <li>GOALPOSTS: 100 (x - L)/(U - L), or 100 (U - x)/(U - L) when lower is better, capped to
 * [0, 100] (COINr n_goalposts).</li>
 * <li>RANK: the competition rank from the worst, 1..n, ties sharing the lower rank (COINr n_rank,
 * R's rank(ties.method = "min")); a 1..n scale, so a scheme should not mix it with 0-100 methods.</li>
 * <li>PERCENTILE_RANK: 100 (r - 1)/(n - 1) with r that rank (COINr n_prank, dplyr::percent_rank).</li>
 * </ul>
 */
public final class Normaliser {

    public static final double NO_SPREAD = 50.0;

    private Normaliser() {
    }

    public static double[] normalise(double[] x, IndicatorSpec spec, Normalisation method) {
        int n = x.length;
        double[] out = new double[n];
        if (n == 0) {
            return out;
        }
        boolean lower = spec.direction() == Direction.LOWER_IS_BETTER;
        double d = lower ? -1 : 1;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        switch (method) {
            case MIN_MAX -> {
                for (int i = 0; i < n; i++) {
                    out[i] = max == min ? NO_SPREAD : 100 * (lower ? max - x[i] : x[i] - min) / (max - min);
                }
            }
            case Z_SCORE -> {
                double mean = Statistics.mean(x);
                double sd = n > 1 ? Statistics.sampleSd(x) : 0;
                for (int i = 0; i < n; i++) {
                    out[i] = sd == 0 ? NO_SPREAD : 50 + 10 * d * (x[i] - mean) / sd;
                }
            }
            case DISTANCE_TO_TARGET -> {
                double t = required(spec.target(), spec, "target");
                for (int i = 0; i < n; i++) {
                    double denom = lower ? max - t : t - min;
                    double v = denom == 0 ? 100 : 100 * (lower ? max - x[i] : x[i] - min) / denom;
                    out[i] = cap(v);
                }
            }
            case GOALPOSTS -> {
                double l = required(spec.lowerGoalpost(), spec, "lowerGoalpost");
                double u = required(spec.upperGoalpost(), spec, "upperGoalpost");
                for (int i = 0; i < n; i++) {
                    out[i] = cap(100 * (lower ? u - x[i] : x[i] - l) / (u - l));
                }
            }
            case RANK, PERCENTILE_RANK -> {
                double[] oriented = new double[n];
                for (int i = 0; i < n; i++) {
                    oriented[i] = d * x[i];
                }
                int[] r = Statistics.competitionRanks(oriented, false);
                for (int i = 0; i < n; i++) {
                    out[i] = method == Normalisation.RANK ? r[i] : n == 1 ? NO_SPREAD : 100.0 * (r[i] - 1) / (n - 1);
                }
            }
            default -> throw new IllegalArgumentException(method.name());
        }
        return out;
    }

    private static double cap(double v) {
        return Math.max(0, Math.min(100, v));
    }

    private static double required(Double v, IndicatorSpec spec, String what) {
        if (v == null) {
            throw new IllegalArgumentException("indicator " + spec.code() + " needs " + what);
        }
        return v;
    }
}
