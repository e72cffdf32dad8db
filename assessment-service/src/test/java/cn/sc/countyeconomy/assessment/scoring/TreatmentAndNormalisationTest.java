package cn.sc.countyeconomy.assessment.scoring;

import cn.sc.countyeconomy.assessment.scoring.Model.*;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/**
 * COINr 1.1.14's own testthat cases (tests/testthat/test-treat.R, test-normalise.R) with the
 * numbers COINr's tests expect; the full pipeline is compared with COINr's output in
 * {@link CoinrConstructionTest}.
 */
class TreatmentAndNormalisationTest {

    static final double EPS = 1e-12;
    static final Parameters DEFAULTS = Parameters.COINR_DEFAULTS;

    static Parameters winmax(int w) {
        return new Parameters(w, null, null, null, null, null, null, null, null, null).withDefaults();
    }

    static IndicatorSpec spec(Direction d, Double target, Double lo, Double hi) {
        return new IndicatorSpec("X", "A", d, Normalisation.MIN_MAX, Imputation.NONE, true, target, lo, hi);
    }

    static double[] oneToTen() {
        double[] x = new double[10];
        for (int i = 0; i < 10; i++) {
            x[i] = i + 1;
        }
        return x;
    }

    @Test
    void treatNumOneOutlierIsWinsorisedToTheNextValue() {
        // test-treat.R "treat_num": x <- c(1:10, 100) fails check_SkewKurt; winsorise(winmax = 5) sets 100 to 10 and passes
        double[] x = Arrays.copyOf(oneToTen(), 11);
        x[10] = 100;
        assertFalse(OutlierTreatment.passes(x, 11, DEFAULTS));
        OutlierTreatment.Treated t = OutlierTreatment.treat(x, winmax(5));
        assertEquals(Treatment.WINSORISED, t.outcome().treatment());
        assertEquals(10, t.values()[10]);
        assertArrayEquals(Arrays.copyOf(x, 10), Arrays.copyOf(t.values(), 10));
        assertTrue(OutlierTreatment.passes(t.values(), 11, DEFAULTS));
    }

    @Test
    void treatNumWinmaxOneThenTheSecondFunctionOnTheOriginalValues() {
        // test-treat.R: x <- c(1:20, 100, 200), winmax = 1 does not pass; the second function then
        // transforms the ORIGINAL x (combine_treat = FALSE): here Treat's default f2, log_CT
        double[] x = new double[22];
        for (int i = 0; i < 20; i++) {
            x[i] = i + 1;
        }
        x[20] = 100;
        x[21] = 200;
        OutlierTreatment.Treated t = OutlierTreatment.treat(x, winmax(1));
        assertEquals(Treatment.LOG_TRANSFORMED, t.outcome().treatment());
        for (int i = 0; i < x.length; i++) {
            assertEquals(Math.log(x[i] - 1 + 0.01 * (200 - 1)), t.values()[i], EPS);
        }
    }

    @Test
    void treatDfANegativeOutlierIsWinsorisedAtTheBottom() {
        // test-treat.R "treat_df": c(1:10, -100) with winmax = 2: the skew is negative, -100 goes to 1
        double[] x = Arrays.copyOf(oneToTen(), 11);
        x[10] = -100;
        OutlierTreatment.Treated t = OutlierTreatment.treat(x, winmax(2));
        assertEquals(Treatment.WINSORISED, t.outcome().treatment());
        assertEquals(1, t.outcome().pointsWinsorised());
        assertEquals(1, t.values()[10]);
    }

    @Test
    void thresholdsAreStrictAsCheckSkewKurtWritesThem() {
        // passes when |skew| < 2 OR kurt < 3.5: exactly 2 and 3.5 fail
        assertFalse(OutlierTreatment.passes(2.0, 3.5, DEFAULTS));
        assertTrue(OutlierTreatment.passes(1.999, 100, DEFAULTS));
        assertTrue(OutlierTreatment.passes(-5, 3.49, DEFAULTS));
        // NA (fewer than 4 values) with a failing skew is NA, not a failure: Treat leaves the column alone
        assertNull(OutlierTreatment.passes(5, Double.NaN, DEFAULTS));
        assertEquals(Treatment.NONE, OutlierTreatment.treat(new double[]{1, 1, 1000}, DEFAULTS).outcome().treatment());
    }

    @Test
    void normNumMinMaxZScoreAndDistanceToTarget() {
        // test-normalise.R "norm_num", x = 1:10
        double[] x = oneToTen();
        IndicatorSpec up = spec(Direction.HIGHER_IS_BETTER, 8.0, null, null);
        double[] mm = Normaliser.normalise(x, up, Normalisation.MIN_MAX,
                new Parameters(null, null, null, 2.0, 7.0, null, null, null, null, null).withDefaults());
        assertEquals(2, Arrays.stream(mm).min().orElseThrow(), EPS);
        assertEquals(7, Arrays.stream(mm).max().orElseThrow(), EPS);
        double[] z = Normaliser.normalise(x, up, Normalisation.Z_SCORE,
                new Parameters(null, null, null, null, null, 5.0, 2.0, null, null, null).withDefaults());
        assertEquals(5, Statistics.mean(z), EPS);
        assertEquals(2, Statistics.sampleSd(z), EPS);
        double[] d = Normaliser.normalise(x, up, Normalisation.DISTANCE_TO_TARGET,
                new Parameters(null, null, null, null, null, null, null, true, null, null).withDefaults());
        assertEquals(0, Arrays.stream(d).min().orElseThrow(), EPS);
        assertEquals(1, Arrays.stream(d).max().orElseThrow(), EPS);
        for (int i = 7; i < 10; i++) {
            assertEquals(1, d[i], EPS);
        }
        // without cap_max (COINr's default) the values above the target exceed 1: (10 - 1)/(8 - 1)
        double[] uncapped = Normaliser.normalise(x, up, Normalisation.DISTANCE_TO_TARGET, DEFAULTS);
        assertEquals(9.0 / 7, uncapped[9], EPS);
    }

    @Test
    void goalpostsAsCoinrsTestsGiveThem() {
        // test-normalise.R: n_goalposts(1, c(0, 10, 1)) = 0.1, 11 -> 1, -1 -> 0; direction -1: 1 -> 0.9, -1 -> 1
        Parameters scaleOne = new Parameters(null, null, null, null, null, null, null, null, 1.0, true).withDefaults();
        double[] x = {1, 11, -1};
        assertArrayEquals(new double[]{0.1, 1, 0},
                Normaliser.normalise(x, spec(Direction.HIGHER_IS_BETTER, null, 0.0, 10.0), Normalisation.GOALPOSTS, scaleOne), EPS);
        double[] lower = Normaliser.normalise(x, spec(Direction.LOWER_IS_BETTER, null, 0.0, 10.0), Normalisation.GOALPOSTS, scaleOne);
        assertEquals(0.9, lower[0], EPS);
        assertEquals(1, lower[2], EPS);
    }

    @Test
    void minMaxDirectionsAndNoSpread() {
        // test-normalise.R: with direction -1 the minimum becomes 100 and the maximum 0
        double[] x = {10, 20, 40};
        assertArrayEquals(new double[]{100, 200.0 / 3, 0},
                Normaliser.normalise(x, spec(Direction.LOWER_IS_BETTER, null, null, null), Normalisation.MIN_MAX, DEFAULTS), EPS);
        // no spread: R's 0/0, NaN for every unit (the aggregation then leaves the indicator out)
        double[] flat = Normaliser.normalise(new double[]{7, 7}, spec(Direction.HIGHER_IS_BETTER, null, null, null), Normalisation.MIN_MAX, DEFAULTS);
        assertTrue(Double.isNaN(flat[0]) && Double.isNaN(flat[1]));
    }

    @Test
    void rankAndPercentileRankAsNRankAndNPrank() {
        // rank(x, ties.method = "min"); n_prank = (rank - 1)/(n - 1) on 0-1; a missing value stays missing
        double[] x = {5, 3, 5, 1, Double.NaN};
        IndicatorSpec up = spec(Direction.HIGHER_IS_BETTER, null, null, null);
        double[] r = Normaliser.normalise(x, up, Normalisation.RANK, DEFAULTS);
        assertArrayEquals(new double[]{3, 2, 3, 1}, Arrays.copyOf(r, 4), EPS);
        assertTrue(Double.isNaN(r[4]));
        double[] p = Normaliser.normalise(x, up, Normalisation.PERCENTILE_RANK, DEFAULTS);
        assertArrayEquals(new double[]{2.0 / 3, 1.0 / 3, 2.0 / 3, 0}, Arrays.copyOf(p, 4), EPS);
        // one unit: 0/0
        assertTrue(Double.isNaN(Normaliser.normalise(new double[]{4}, up, Normalisation.PERCENTILE_RANK, DEFAULTS)[0]));
    }
}
