package cn.sc.countyeconomy.assessment.scoring;

import java.util.Arrays;

/**
 * The statistics COINr 1.1.14 uses, written as it computes them, on primitive arrays: the first
 * {@code n} entries of an array, missing values excluded by the caller.
 * <ul>
 * <li>{@link #skew}: COINr's {@code skew()} (taken by COINr from {@code e1071::skewness} type 2):
 * d = x - mean; sqrt(n) Σd³ / (Σd²)^(3/2) · sqrt(n(n-1))/(n-2); NaN below 3 values.</li>
 * <li>{@link #kurt}: COINr's {@code kurt()} (e1071 type 2): r = n Σd⁴/(Σd²)²;
 * ((n+1)(r-3)+6)(n-1)/((n-2)(n-3)); NaN below 4 values.</li>
 * <li>{@link #quantile}: R's {@code quantile(type = 7)} and {@code median}.</li>
 * <li>{@link #minRanks}: R's {@code rank(ties.method = "min")}.</li>
 * </ul>
 */
public final class Statistics {

    private Statistics() {
    }

    public static double mean(double[] x) {
        return mean(x, x.length);
    }

    /** R's {@code mean()}: the sum divided by n, then R's second pass that adds the mean residual. */
    public static double mean(double[] x, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[i];
        }
        double m = s / n;
        if (Double.isFinite(m)) {
            double t = 0;
            for (int i = 0; i < n; i++) {
                t += x[i] - m;
            }
            m += t / n;
        }
        return m;
    }

    /** Sample standard deviation (R's {@code sd}, n - 1 in the denominator). */
    public static double sampleSd(double[] x) {
        return sampleSd(x, x.length);
    }

    public static double sampleSd(double[] x, int n) {
        if (n < 2) {
            return Double.NaN;
        }
        double m = mean(x, n);
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double d = x[i] - m;
            ss += d * d;
        }
        return Math.sqrt(ss / (n - 1));
    }

    public static double skew(double[] x) {
        return skew(x, x.length);
    }

    public static double skew(double[] x, int n) {
        if (n < 3) {
            return Double.NaN;
        }
        double m = mean(x, n);
        double s2 = 0;
        double s3 = 0;
        for (int i = 0; i < n; i++) {
            double d = x[i] - m;
            double d2 = d * d;
            s2 += d2;
            s3 += d2 * d;
        }
        double y = Math.sqrt(n) * s3 / Math.pow(s2, 1.5);
        return y * Math.sqrt((double) n * (n - 1)) / (n - 2);
    }

    /**
     * COINr's skew and kurt of the first n entries at once, into {@code out[0]} and {@code out[1]}:
     * the same mean and the same sums in the same order as {@link #skew} and {@link #kurt}, so the
     * same doubles, in one pass instead of two.
     */
    public static void skewKurt(double[] x, int n, double[] out) {
        if (n < 3) {
            out[0] = Double.NaN;
            out[1] = Double.NaN;
            return;
        }
        double m = mean(x, n);
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        for (int i = 0; i < n; i++) {
            double d = x[i] - m;
            double d2 = d * d;
            s2 += d2;
            s3 += d2 * d;
            s4 += d2 * d2;
        }
        out[0] = Math.sqrt(n) * s3 / Math.pow(s2, 1.5) * Math.sqrt((double) n * (n - 1)) / (n - 2);
        if (n < 4) {
            out[1] = Double.NaN;
        } else {
            double r = n * s4 / (s2 * s2);
            out[1] = ((n + 1) * (r - 3) + 6) * (n - 1) / ((double) (n - 2) * (n - 3));
        }
    }

    public static double kurt(double[] x) {
        return kurt(x, x.length);
    }

    public static double kurt(double[] x, int n) {
        if (n < 4) {
            return Double.NaN;
        }
        double m = mean(x, n);
        double s2 = 0;
        double s4 = 0;
        for (int i = 0; i < n; i++) {
            double d = x[i] - m;
            double d2 = d * d;
            s2 += d2;
            s4 += d2 * d2;
        }
        double r = n * s4 / (s2 * s2);
        return ((n + 1) * (r - 3) + 6) * (n - 1) / ((double) (n - 2) * (n - 3));
    }

    public static double median(double[] x) {
        return quantile(x, 50);
    }

    /** The p-th percentile (0 <= p <= 100) of all of x, R type 7; NaN when x is empty. */
    public static double quantile(double[] x, double p) {
        double[] s = x.clone();
        Arrays.sort(s);
        return quantileOfSorted(s, s.length, p / 100);
    }

    /**
     * R's type 7 on the first n entries of an ascending array, as R's {@code quantile} computes it:
     * index = 1 + (n-1)p, lo = floor, hi = ceiling, h = index - lo, (1-h) x[lo] + h x[hi].
     */
    public static double quantileOfSorted(double[] sorted, int n, double prob) {
        if (n == 0) {
            return Double.NaN;
        }
        double index = 1 + (n - 1) * prob;
        int lo = (int) Math.floor(index);
        int hi = (int) Math.ceil(index);
        double qs = sorted[lo - 1];
        if (index > lo && sorted[hi - 1] != qs) {
            double h = index - lo;
            qs = (1 - h) * qs + h * sorted[hi - 1];
        }
        return qs;
    }

    /** R's median on the first n entries of an ascending array (the mean of the two middle ones when n is even). */
    public static double medianOfSorted(double[] sorted, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        int half = n / 2;
        return n % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
    }

    /**
     * Competition ranks ("1224"): rank 1 for the largest value when {@code descending}, equal values
     * share the best rank of their group (R's {@code rank(-x, ties.method = "min")}).
     */
    public static int[] competitionRanks(double[] values, boolean descending) {
        int n = values.length;
        double[] keys = new double[n];
        for (int i = 0; i < n; i++) {
            keys[i] = descending ? -values[i] : values[i];
        }
        int[] ranks = new int[n];
        minRanks(keys, n, new double[n], new int[n], ranks);
        return ranks;
    }

    /**
     * R's {@code rank(x, ties.method = "min")} of the first n entries of x (no NaN), ascending, into
     * {@code ranks}: one sort of a copy of the values with their indices alongside; {@code keys}
     * and {@code order} are buffers of at least n, reused by the caller.
     */
    public static void minRanks(double[] x, int n, double[] keys, int[] order, int[] ranks) {
        System.arraycopy(x, 0, keys, 0, n);
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        sortByKey(keys, order, 0, n);
        int pos = 0;
        while (pos < n) {
            int end = pos + 1;
            while (end < n && keys[end] == keys[pos]) {
                end++;
            }
            for (int q = pos; q < end; q++) {
                ranks[order[q]] = pos + 1;
            }
            pos = end;
        }
    }

    /** Sorts keys ascending and permutes order alongside (a primitive quicksort with insertion sort for short runs). */
    static void sortByKey(double[] keys, int[] order, int from, int to) {
        while (to - from > 16) {
            int mid = (from + to) >>> 1;
            double a = keys[from];
            double b = keys[mid];
            double c = keys[to - 1];
            double pivot = a < b ? (b < c ? b : Math.max(a, c)) : (a < c ? a : Math.max(b, c));
            int i = from;
            int j = to - 1;
            while (i <= j) {
                while (keys[i] < pivot) {
                    i++;
                }
                while (keys[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double tk = keys[i];
                    keys[i] = keys[j];
                    keys[j] = tk;
                    int to2 = order[i];
                    order[i] = order[j];
                    order[j] = to2;
                    i++;
                    j--;
                }
            }
            if (j - from < to - i) {
                sortByKey(keys, order, from, j + 1);
                from = i;
            } else {
                sortByKey(keys, order, i, to);
                to = j + 1;
            }
        }
        for (int i = from + 1; i < to; i++) {
            double k = keys[i];
            int o = order[i];
            int j = i - 1;
            while (j >= from && keys[j] > k) {
                keys[j + 1] = keys[j];
                order[j + 1] = order[j];
                j--;
            }
            keys[j + 1] = k;
            order[j + 1] = o;
        }
    }
}
