package cn.sc.countyeconomy.assessment.scoring;

import cn.sc.countyeconomy.assessment.scoring.Model.Direction;
import cn.sc.countyeconomy.assessment.scoring.Model.IndicatorSpec;
import cn.sc.countyeconomy.assessment.scoring.Model.Normalisation;
import cn.sc.countyeconomy.assessment.scoring.Model.Parameters;

/**
 * COINr 1.1.14's {@code Normalise()} of one indicator's observed (treated) values within one
 * category. As in {@code Normalise.numeric}, the values are first multiplied by the direction
 * (-1 for lower-is-better), then passed to the function; targets and goalposts are turned the
 * same way, as {@code get_iMeta_norm_paras} does. Nothing is made up for a column without
 * spread: R's 0/0 gives NaN, and the aggregation then leaves the indicator out for every county.
 * <ul>
 * <li>MIN_MAX: {@code n_minmax(l_u)}: (x - min)/(max - min) (u - l) + l.</li>
 * <li>Z_SCORE: {@code n_zscore(m_sd)}: (x - mean)/sd · m_sd[2] + m_sd[1], sd the sample sd.</li>
 * <li>DISTANCE_TO_TARGET: {@code n_dist2targ(targ · direction, cap_max)}: (x - min)/(targ - min), 0-1,
 * capped at 1 only when {@code cap_max}.</li>
 * <li>GOALPOSTS: {@code n_goalposts(gposts, trunc2posts)}: (x - L)/(U - L), truncated to [0, 1]
 * when {@code trunc2posts}, times {@code gposts[3]}.</li>
 * <li>RANK: {@code n_rank}: {@code rank(x, ties.method = "min")}.</li>
 * <li>PERCENTILE_RANK: {@code n_prank}: (rank - 1)/(n - 1), 0-1.</li>
 * </ul>
 */
public final class Normaliser {

    private Normaliser() {
    }

    /** Convenience for tests: a new array, NaN entries are missing values and stay missing. */
    public static double[] normalise(double[] x, IndicatorSpec spec, Normalisation method, Parameters p) {
        int n = x.length;
        double[] compact = new double[n];
        int[] idx = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(x[i])) {
                idx[m] = i;
                compact[m++] = x[i];
            }
        }
        double[] out = new double[n];
        java.util.Arrays.fill(out, Double.NaN);
        double[] y = new double[m];
        normalise(compact, m, spec, method, p, y, new Workspace(m));
        for (int a = 0; a < m; a++) {
            out[idx[a]] = y[a];
        }
        return out;
    }

    /** Buffers for the rank-based methods, reused across columns. */
    public static final class Workspace {

        final double[] keys;
        final int[] order;
        final int[] ranks;

        public Workspace(int n) {
            keys = new double[n];
            order = new int[n];
            ranks = new int[n];
        }
    }

    /**
     * Normalises the first m (observed) entries of x into out; x is not changed.
     */
    public static void normalise(double[] x, int m, IndicatorSpec spec, Normalisation method, Parameters p, double[] out,
            Workspace ws) {
        if (m == 0) {
            return;
        }
        double d = spec.direction() == Direction.LOWER_IS_BETTER ? -1 : 1;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            double v = x[i] * d;
            out[i] = v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        switch (method) {
            case MIN_MAX -> {
                double l = p.minMaxLower();
                double u = p.minMaxUpper();
                for (int i = 0; i < m; i++) {
                    out[i] = (out[i] - min) / (max - min) * (u - l) + l;
                }
            }
            case Z_SCORE -> {
                double mean = Statistics.mean(out, m);
                double sd = Statistics.sampleSd(out, m);
                for (int i = 0; i < m; i++) {
                    out[i] = (out[i] - mean) / sd * p.zScoreSd() + p.zScoreMean();
                }
            }
            case DISTANCE_TO_TARGET -> {
                double targ = required(spec.target(), spec, "target") * d;
                boolean cap = p.dist2targCapMax();
                for (int i = 0; i < m; i++) {
                    double y = (out[i] - min) / (targ - min);
                    out[i] = cap && y > 1 ? 1 : y;
                }
            }
            case GOALPOSTS -> {
                double lo = required(spec.lowerGoalpost(), spec, "lowerGoalpost");
                double hi = required(spec.upperGoalpost(), spec, "upperGoalpost");
                // get_iMeta_norm_paras: direction -1 gives gposts = (-U, -L, scale)
                double g1 = d < 0 ? hi * d : lo;
                double g2 = d < 0 ? lo * d : hi;
                boolean trunc = p.goalpostTruncate();
                double scale = p.goalpostScale();
                for (int i = 0; i < m; i++) {
                    double y = (out[i] - g1) / (g2 - g1);
                    if (trunc) {
                        y = y > 1 ? 1 : y < 0 ? 0 : y;
                    }
                    out[i] = y * scale;
                }
            }
            case RANK, PERCENTILE_RANK -> {
                Statistics.minRanks(out, m, ws.keys, ws.order, ws.ranks);
                for (int i = 0; i < m; i++) {
                    out[i] = method == Normalisation.RANK ? ws.ranks[i] : (ws.ranks[i] - 1) / (double) (m - 1);
                }
            }
            default -> throw new IllegalArgumentException(method.name());
        }
    }

    private static double required(Double v, IndicatorSpec spec, String what) {
        if (v == null) {
            throw new IllegalArgumentException("indicator " + spec.code() + " needs " + what);
        }
        return v;
    }
}
