package cn.sc.countyeconomy.assessment.scoring;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** COINr's skew/kurt (e1071 type 2) checked against the G1/G2 formulas written out; R's quantile type 7 and min ranks. */
class StatisticsTest {

    static final double EPS = 1e-9;

    /** G1 written out: n/((n-1)(n-2)) Σ((x-mean)/s)^3. */
    static double g1(double[] x) {
        int n = x.length;
        double mean = 0;
        for (double v : x)
            mean += v / n;
        double ss = 0;
        for (double v : x)
            ss += (v - mean) * (v - mean);
        double s = Math.sqrt(ss / (n - 1));
        double sum = 0;
        for (double v : x)
            sum += Math.pow((v - mean) / s, 3);
        return (double) n / ((n - 1) * (n - 2)) * sum;
    }

    /** G2 written out: n(n+1)/((n-1)(n-2)(n-3)) Σ((x-mean)/s)^4 - 3(n-1)^2/((n-2)(n-3)). */
    static double g2(double[] x) {
        int n = x.length;
        double mean = 0;
        for (double v : x)
            mean += v / n;
        double ss = 0;
        for (double v : x)
            ss += (v - mean) * (v - mean);
        double s = Math.sqrt(ss / (n - 1));
        double sum = 0;
        for (double v : x)
            sum += Math.pow((v - mean) / s, 4);
        return (double) n * (n + 1) / ((double) (n - 1) * (n - 2) * (n - 3)) * sum
                - 3.0 * (n - 1) * (n - 1) / ((double) (n - 2) * (n - 3));
    }

    @Test
    void skewnessAndKurtosisAreTheType2SampleFormulas() {
        // x = 1,2,3,4,10: mean 4, deviations -3,-2,-1,0,6, Σd² = 50, s = sqrt(50/4) = 3.5355339;
        // Σd³ = 180 -> Σ(d/s)³ = 180/44.194174 = 4.0729490; G1 = 5/(4·3) · 4.0729490 = 1.6970563
        // Σd⁴ = 81+16+1+0+1296 = 1394 -> Σ(d/s)⁴ = 1394/156.25 = 8.9216; G2 = 30/24 · 8.9216 - 3·16/6 = 3.152
        double[] x = {1, 2, 3, 4, 10};
        assertEquals(1.6970562748477143, Statistics.skew(x), EPS);
        assertEquals(3.152, Statistics.kurt(x), EPS);
        double[] y = {3.5, -2, 0, 0, 7.25, 11, 40, 2, 2, 9};
        assertEquals(g1(y), Statistics.skew(y), EPS);
        assertEquals(g2(y), Statistics.kurt(y), EPS);
        assertEquals(g1(x), Statistics.skew(x), EPS);
    }

    @Test
    void sampleSdAndQuantileType7() {
        // 2,4,6: mean 4, Σd² = 8, s = sqrt(8/2) = 2
        assertEquals(2.0, Statistics.sampleSd(new double[]{2, 4, 6}), EPS);
        // R: quantile(c(1,2,3,4,10), 0.05, type = 7) = 1 + 0.05·4·(2-1) = 1.2 ; 0.95 -> h = 3.8: 4 + 0.8·6 = 8.8
        assertEquals(1.2, Statistics.quantile(new double[]{10, 2, 1, 4, 3}, 5), EPS);
        assertEquals(8.8, Statistics.quantile(new double[]{10, 2, 1, 4, 3}, 95), EPS);
        assertEquals(3.5, Statistics.median(new double[]{4, 1, 3, 10}), EPS);
    }

    @Test
    void competitionRanksShareTiesAndSkip() {
        assertArrayEquals(new int[]{1, 2, 2, 4}, Statistics.competitionRanks(new double[]{90, 80, 80, 70}, true));
        assertArrayEquals(new int[]{4, 2, 2, 1}, Statistics.competitionRanks(new double[]{90, 80, 80, 70}, false));
        assertTrue(Statistics.competitionRanks(new double[]{}, true).length == 0);
    }
}
