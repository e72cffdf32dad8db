package cn.sc.countyeconomy.assessment.scoring;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.util.Arrays;

/**
 * The descriptive statistics the method needs, from Apache Commons Math 3.6.1 where its definition
 * is the one the method prescribes (checked in StatisticsTest against the formulas written out):
 * <ul>
 * <li>{@link #skewness}: sample skewness G1 = n/((n-1)(n-2)) Σ((x-mean)/s)^3, s the sample sd
 * (Commons Math {@code Skewness}); NaN below 3 values;</li>
 * <li>{@link #excessKurtosis}: sample excess kurtosis G2 = n(n+1)/((n-1)(n-2)(n-3)) Σ((x-mean)/s)^4
 * - 3(n-1)^2/((n-2)(n-3)) (Commons Math {@code Kurtosis}); NaN below 4 values;</li>
 * <li>{@link #quantile}: R's type 7 (the default of R's quantile(), which COINr uses).</li>
 * </ul>
 */
public final class Statistics {

    private Statistics() {
    }

    public static double mean(double[] x) {
        return new DescriptiveStatistics(x).getMean();
    }

    /** Sample standard deviation (n - 1 in the denominator). */
    public static double sampleSd(double[] x) {
        return new DescriptiveStatistics(x).getStandardDeviation();
    }

    public static double skewness(double[] x) {
        return new DescriptiveStatistics(x).getSkewness();
    }

    public static double excessKurtosis(double[] x) {
        return new DescriptiveStatistics(x).getKurtosis();
    }

    public static double median(double[] x) {
        return quantile(x, 50);
    }

    /** The p-th percentile (0 < p <= 100), R type 7. */
    public static double quantile(double[] x, double p) {
        if (x.length == 0) {
            return Double.NaN;
        }
        return new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(x, p);
    }

    /**
     * Competition ranks ("1224"): rank 1 for the largest value when {@code descending}, equal values
     * share the best rank of their group, and the next rank skips as many places as were shared.
     */
    public static int[] competitionRanks(double[] values, boolean descending) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> descending ? Double.compare(values[b], values[a]) : Double.compare(values[a], values[b]));
        int[] ranks = new int[n];
        for (int pos = 0; pos < n; pos++) {
            int i = order[pos];
            if (pos > 0 && values[order[pos - 1]] == values[i]) {
                ranks[i] = ranks[order[pos - 1]];
            } else {
                ranks[i] = pos + 1;
            }
        }
        return ranks;
    }
}
