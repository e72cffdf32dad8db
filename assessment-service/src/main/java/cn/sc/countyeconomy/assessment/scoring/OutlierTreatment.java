package cn.sc.countyeconomy.assessment.scoring;

import cn.sc.countyeconomy.assessment.scoring.Model.Treatment;

/**
 * COINr's default outlier treatment of one indicator within one category.
 * <ol>
 * <li>The indicator fails when |G1| >= 2 and G2 >= 3.5 (see {@link Statistics}); with fewer than 4
 * values, or no spread, it is left as it is.</li>
 * <li>While it fails and at most 5 points have been changed: the most extreme value on the side of
 * the skew (the largest when G1 >= 0, else the smallest), with any values equal to it, is set to
 * the next value inward, and the check is repeated.</li>
 * <li>If it still fails, the winsorising is discarded and the original values are log
 * transformed: ln(x) when all x > 0, else ln(x - min + 1); for a negative skew the mirror image
 * -ln(max - x + 1), so that the order of the counties is kept in every case.</li>
 * </ol>
 * COINr's {@code Treat()} uses strict inequalities (|skew| > 2, kurt > 3.5) and its {@code log_CT};
 * this service uses >= as its issue prescribes and the transform written above.
 */
public final class OutlierTreatment {

    public static final double SKEW_LIMIT = 2.0;
    public static final double KURTOSIS_LIMIT = 3.5;
    public static final int MAX_WINSORISED = 5;

    private OutlierTreatment() {
    }

    public record Outcome(double[] values, Treatment treatment, int pointsWinsorised, double skewBefore,
            double kurtosisBefore, double skewAfter, double kurtosisAfter) {
    }

    public static boolean fails(double[] x) {
        if (x.length < 4) {
            return false;
        }
        double skew = Statistics.skewness(x);
        double kurt = Statistics.excessKurtosis(x);
        return !Double.isNaN(skew) && !Double.isNaN(kurt) && Math.abs(skew) >= SKEW_LIMIT && kurt >= KURTOSIS_LIMIT;
    }

    public static Outcome treat(double[] original) {
        double skew0 = original.length >= 3 ? Statistics.skewness(original) : Double.NaN;
        double kurt0 = original.length >= 4 ? Statistics.excessKurtosis(original) : Double.NaN;
        if (!fails(original)) {
            return new Outcome(original, Treatment.NONE, 0, skew0, kurt0, skew0, kurt0);
        }
        double[] y = original.clone();
        int points = 0;
        while (fails(y)) {
            boolean high = Statistics.skewness(y) >= 0;
            double extreme = high ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            for (double v : y) {
                extreme = high ? Math.max(extreme, v) : Math.min(extreme, v);
            }
            double next = high ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            int count = 0;
            for (double v : y) {
                if (v == extreme) {
                    count++;
                } else {
                    next = high ? Math.max(next, v) : Math.min(next, v);
                }
            }
            if (Double.isInfinite(next) || points + count > MAX_WINSORISED) {
                break;
            }
            for (int i = 0; i < y.length; i++) {
                if (y[i] == extreme) {
                    y[i] = next;
                }
            }
            points += count;
        }
        if (!fails(y)) {
            return new Outcome(y, Treatment.WINSORISED, points, skew0, kurt0, Statistics.skewness(y), Statistics.excessKurtosis(y));
        }
        double[] logged = log(original, skew0 >= 0);
        return new Outcome(logged, Treatment.LOG_TRANSFORMED, 0, skew0, kurt0,
                Statistics.skewness(logged), Statistics.excessKurtosis(logged));
    }

    static double[] log(double[] x, boolean positiveSkew) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (positiveSkew) {
                out[i] = min > 0 ? Math.log(x[i]) : Math.log(x[i] - min + 1);
            } else {
                out[i] = -Math.log(max - x[i] + 1);
            }
        }
        return out;
    }
}
