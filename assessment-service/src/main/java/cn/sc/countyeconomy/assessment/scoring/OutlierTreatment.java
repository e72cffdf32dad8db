package cn.sc.countyeconomy.assessment.scoring;

import cn.sc.countyeconomy.assessment.scoring.Model.Parameters;
import cn.sc.countyeconomy.assessment.scoring.Model.Treatment;

/**
 * COINr 1.1.14's default {@code Treat()} of one indicator (its observed values within one
 * category): {@code f_pass = "check_SkewKurt"}, {@code f1 = "winsorise"}, {@code f2 = "log_CT"},
 * {@code combine_treat = FALSE}.
 * <ol>
 * <li>{@code check_SkewKurt}: passes when |skew| &lt; skew_thresh <b>or</b> kurt &lt; kurt_thresh
 * (R's three-valued logic: with fewer than 4 values, or no spread, the answer is NA and COINr
 * returns the indicator untreated).</li>
 * <li>{@code winsorise}: while failing and {@code nwin < winmax}: if skew &gt;= 0 every value equal
 * to the maximum is set to the largest other value, else every value equal to the minimum to the
 * smallest other value; {@code nwin} is then the number of values at the current maximum plus at
 * the current minimum (the points changed so far, counted as COINr counts them). Ties can take
 * {@code nwin} past {@code winmax}.</li>
 * <li>If the winsorised values pass, they are the result. Otherwise {@code log_CT} of the
 * <b>original</b> values: log(x - min + 0.01 (max - min)), whatever the sign of the skew.</li>
 * </ol>
 * Where R would stop with an error or an NA answer inside {@code Treat}, COINr keeps the indicator
 * untreated; so does this class.
 */
public final class OutlierTreatment {

    private OutlierTreatment() {
    }

    /** What was done; the values themselves are changed in place. */
    public record Outcome(Treatment treatment, int pointsWinsorised, double skewBefore, double kurtosisBefore,
            double skewAfter, double kurtosisAfter) {
    }

    /** The result of {@link #treat(double[], Parameters)} with the treated values. */
    public record Treated(double[] values, Outcome outcome) {
    }

    /** R's {@code (abs(sk) < st) | (kt < kt)}: TRUE, FALSE or null for NA. */
    static Boolean passes(double skew, double kurt, Parameters p) {
        Boolean a = Double.isNaN(skew) ? null : Math.abs(skew) < p.skewThreshold();
        Boolean b = Double.isNaN(kurt) ? null : kurt < p.kurtosisThreshold();
        if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
            return true;
        }
        return a == null || b == null ? null : false;
    }

    static Boolean passes(double[] x, int n, Parameters p) {
        return passes(Statistics.skew(x, n), Statistics.kurt(x, n), p);
    }

    /** Convenience for tests and single columns: COINr's default treatment of a copy of x. */
    public static Treated treat(double[] x, Parameters p) {
        double[] y = x.clone();
        Outcome o = treat(y, y.length, new double[y.length], p);
        return new Treated(y, o);
    }

    /**
     * Treats the first n entries of x in place; {@code work} is a buffer of at least n doubles,
     * reused by the caller across columns and replications.
     */
    public static Outcome treat(double[] x, int n, double[] work, Parameters p) {
        double[] sk = new double[2];
        Statistics.skewKurt(x, n, sk);
        double skew0 = sk[0];
        double kurt0 = sk[1];
        Boolean pass0 = passes(skew0, kurt0, p);
        if (pass0 == null || pass0) {
            return new Outcome(Treatment.NONE, 0, skew0, kurt0, skew0, kurt0);
        }
        System.arraycopy(x, 0, work, 0, n);
        int nwin = 0;
        int atMax = 0;
        int atMin = 0;
        Boolean passing = false;
        // sk holds the skew and kurtosis of work as it is now (the loop's skew(x) is that same number)
        while (!Boolean.TRUE.equals(passing) && nwin < p.winmax()) {
            if (passing == null || Double.isNaN(sk[0])) {
                // R: while (NA & TRUE), or if (NaN >= 0), stops with an error inside Treat: the indicator stays untreated
                return new Outcome(Treatment.NONE, 0, skew0, kurt0, skew0, kurt0);
            }
            if (sk[0] >= 0) {
                atMax = replaceExtreme(work, n, true);
            } else {
                atMin = replaceExtreme(work, n, false);
            }
            nwin = atMax + atMin;
            Statistics.skewKurt(work, n, sk);
            passing = passes(sk[0], sk[1], p);
        }
        if (passing == null) {
            return new Outcome(Treatment.NONE, 0, skew0, kurt0, skew0, kurt0);
        }
        if (passing) {
            System.arraycopy(work, 0, x, 0, n);
            return new Outcome(Treatment.WINSORISED, nwin, skew0, kurt0, sk[0], sk[1]);
        }
        logCT(x, n, work);
        Statistics.skewKurt(work, n, sk);
        if (passes(sk[0], sk[1], p) == null) {
            return new Outcome(Treatment.NONE, 0, skew0, kurt0, skew0, kurt0);
        }
        System.arraycopy(work, 0, x, 0, n);
        return new Outcome(Treatment.LOG_TRANSFORMED, 0, skew0, kurt0, sk[0], sk[1]);
    }

    /**
     * COINr's {@code x[imax] <- max(x[-imax])} (or the same with the minimum): every value equal to
     * the extreme is set to the nearest other value (-Inf / +Inf when there is none, as R's max of
     * nothing). Returns how many values now sit at the extreme, i.e. {@code length(imax)}.
     */
    private static int replaceExtreme(double[] x, int n, boolean top) {
        double sign = top ? 1 : -1;
        double extreme = Double.NEGATIVE_INFINITY;
        double next = Double.NEGATIVE_INFINITY;
        int count = 0;
        for (int i = 0; i < n; i++) {
            double v = sign * x[i];
            if (v > extreme) {
                next = extreme;
                extreme = v;
                count = 1;
            } else if (v == extreme) {
                count++;
            } else if (v > next) {
                next = v;
            }
        }
        double e = sign * extreme;
        double to = sign * next;
        for (int i = 0; i < n; i++) {
            if (x[i] == e) {
                x[i] = to;
            }
        }
        return count;
    }

    /** COINr's {@code log_CT}: log(x - min + 0.01 (max - min)), from x into out. */
    public static void logCT(double[] x, int n, double[] out) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, x[i]);
            max = Math.max(max, x[i]);
        }
        double a = 0.01 * (max - min);
        for (int i = 0; i < n; i++) {
            out[i] = Math.log(x[i] - min + a);
        }
    }
}
