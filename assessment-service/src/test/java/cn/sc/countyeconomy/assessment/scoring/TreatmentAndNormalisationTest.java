package cn.sc.countyeconomy.assessment.scoring;

import cn.sc.countyeconomy.assessment.scoring.Model.*;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each treatment, normalisation and aggregation against values worked by hand (scipy cross-checked). */
class TreatmentAndNormalisationTest {

    static final double EPS = 1e-6;

    static IndicatorSpec spec(Direction d, Normalisation n, Double target, Double lo, Double hi) {
        return new IndicatorSpec("X", "A", d, n, Imputation.NONE, true, target, lo, hi);
    }

    @Test
    void aSkewedIndicatorIsWinsorisedOnePointAtATime() {
        // 1..9 and 100: G1 = 3.1189, G2 = 9.7992 -> fails (|G1| >= 2, G2 >= 3.5).
        // Winsorise 100 to the next value 9: G1 = -0.1515, G2 = -1.3570 -> passes after 1 point.
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 100};
        assertTrue(OutlierTreatment.fails(x));
        OutlierTreatment.Outcome o = OutlierTreatment.treat(x);
        assertEquals(Treatment.WINSORISED, o.treatment());
        assertEquals(1, o.pointsWinsorised());
        assertArrayEquals(new double[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 9}, o.values());
        assertEquals(3.118895745239087, o.skewBefore(), EPS);
        assertEquals(9.799244716163662, o.kurtosisBefore(), EPS);
        assertEquals(-0.15146310708295876, o.skewAfter(), EPS);
    }

    @Test
    void tiedExtremesAreWinsorisedTogetherAndCounted() {
        // fourteen 1s, 2, 3, 10, 100, 1000, 10000: 10000 -> 1000 (1 point; G1 2.862, G2 6.931 still fails),
        // then both 1000s -> 100 (2 points, 3 in all): G1 2.110, G2 2.739 -> passes.
        double[] x = new double[20];
        Arrays.fill(x, 1);
        x[14] = 2;
        x[15] = 3;
        x[16] = 10;
        x[17] = 100;
        x[18] = 1000;
        x[19] = 10000;
        OutlierTreatment.Outcome o = OutlierTreatment.treat(x);
        assertEquals(Treatment.WINSORISED, o.treatment());
        assertEquals(3, o.pointsWinsorised());
        assertEquals(100, o.values()[17]);
        assertEquals(100, o.values()[18]);
        assertEquals(100, o.values()[19]);
        assertEquals(2.1095109873208657, o.skewAfter(), EPS);
    }

    @Test
    void aNegativelySkewedIndicatorIsWinsorisedAtTheBottom() {
        // 0, ten 100s, 99, 98, 97: G1 = -3.734, G2 = 13.957; 0 -> 97 (the next value up) passes.
        double[] x = {0, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 99, 98, 97};
        OutlierTreatment.Outcome o = OutlierTreatment.treat(x);
        assertEquals(Treatment.WINSORISED, o.treatment());
        assertEquals(1, o.pointsWinsorised());
        assertEquals(97, o.values()[0]);
        assertEquals(-3.7337680484213234, o.skewBefore(), EPS);
    }

    @Test
    void whenFivePointsAreNotEnoughTheOriginalIsLogTransformed() {
        // twenty 1s and 2,4,...,1024: winsorising 1024 (1), the two 512s (3 points) still fails
        // (G1 2.408, G2 4.496); the three 256s would make 6 > 5. So ln(x) of the original values
        // (all > 0): ln 1024 = 6.931472; G1 1.5384, G2 1.0351 after.
        double[] x = new double[30];
        Arrays.fill(x, 1);
        for (int i = 0; i < 10; i++)
            x[20 + i] = Math.pow(2, i + 1);
        OutlierTreatment.Outcome o = OutlierTreatment.treat(x);
        assertEquals(Treatment.LOG_TRANSFORMED, o.treatment());
        assertEquals(0, o.values()[0], EPS);
        assertEquals(6.931471805599453, o.values()[29], EPS);
        assertEquals(1.5383990005241128, o.skewAfter(), EPS);
        assertEquals(1.0351068286552154, o.kurtosisAfter(), EPS);
    }

    @Test
    void logTransformShiftsWhenValuesAreNotPositive() {
        // min = -1 <= 0: ln(x - min + 1) -> ln 1, ln 2, ln 12
        assertArrayEquals(new double[]{0, Math.log(2), Math.log(12)}, OutlierTreatment.log(new double[]{-1, 0, 10}, true), 1e-12);
        // negative skew: -ln(max - x + 1) keeps the order: -ln 12, -ln 11, -ln 1
        assertArrayEquals(new double[]{-Math.log(12), -Math.log(11), 0}, OutlierTreatment.log(new double[]{-1, 0, 10}, false), 1e-12);
    }

    @Test
    void anIndicatorThatPassesIsLeftAlone() {
        double[] x = {1, 2, 3, 4, 10}; // G1 1.697 < 2
        OutlierTreatment.Outcome o = OutlierTreatment.treat(x);
        assertEquals(Treatment.NONE, o.treatment());
        assertFalse(OutlierTreatment.fails(new double[]{1, 1000, 1}));
    }

    @Test
    void minMaxBothDirections() {
        double[] x = {10, 20, 40};
        // (x - 10)/30 · 100
        assertArrayEquals(new double[]{0, 33.333333333, 100},
                Normaliser.normalise(x, spec(Direction.HIGHER_IS_BETTER, Normalisation.MIN_MAX, null, null, null), Normalisation.MIN_MAX), EPS);
        // (40 - x)/30 · 100
        assertArrayEquals(new double[]{100, 66.666666667, 0},
                Normaliser.normalise(x, spec(Direction.LOWER_IS_BETTER, Normalisation.MIN_MAX, null, null, null), Normalisation.MIN_MAX), EPS);
        // no spread: 50 for all
        assertArrayEquals(new double[]{50, 50},
                Normaliser.normalise(new double[]{7, 7}, spec(Direction.HIGHER_IS_BETTER, Normalisation.MIN_MAX, null, null, null), Normalisation.MIN_MAX),
                EPS);
    }

    @Test
    void zScoreUsesTheSampleSd() {
        // 2,4,6: mean 4, s = 2 -> z = -1, 0, 1 -> 50 + 10z = 40, 50, 60; lower is better: 60, 50, 40
        double[] x = {2, 4, 6};
        assertArrayEquals(new double[]{40, 50, 60},
                Normaliser.normalise(x, spec(Direction.HIGHER_IS_BETTER, Normalisation.Z_SCORE, null, null, null), Normalisation.Z_SCORE), EPS);
        assertArrayEquals(new double[]{60, 50, 40},
                Normaliser.normalise(x, spec(Direction.LOWER_IS_BETTER, Normalisation.Z_SCORE, null, null, null), Normalisation.Z_SCORE), EPS);
    }

    @Test
    void distanceToTargetIsCapped() {
        // target 30, min 10: (x - 10)/20 · 100 = 0, 50, 150 -> capped at 100
        double[] x = {10, 20, 40};
        assertArrayEquals(new double[]{0, 50, 100},
                Normaliser.normalise(x, spec(Direction.HIGHER_IS_BETTER, Normalisation.DISTANCE_TO_TARGET, 30.0, null, null), Normalisation.DISTANCE_TO_TARGET),
                EPS);
        // lower is better, target 15, max 40: (40 - x)/25 · 100 = 120 -> 100, 80, 0
        assertArrayEquals(new double[]{100, 80, 0},
                Normaliser.normalise(x, spec(Direction.LOWER_IS_BETTER, Normalisation.DISTANCE_TO_TARGET, 15.0, null, null), Normalisation.DISTANCE_TO_TARGET),
                EPS);
    }

    @Test
    void goalpostsAreFixedBoundsCapped() {
        // L = 0, U = 50: x/50 · 100 = 20, 40, 80, 120 -> 100 ; below L -> 0
        double[] x = {10, 20, 40, 60, -5};
        assertArrayEquals(new double[]{20, 40, 80, 100, 0},
                Normaliser.normalise(x, spec(Direction.HIGHER_IS_BETTER, Normalisation.GOALPOSTS, null, 0.0, 50.0), Normalisation.GOALPOSTS), EPS);
        // lower is better: (50 - x)/50 · 100 = 80, 60, 20, -20 -> 0, 110 -> 100
        assertArrayEquals(new double[]{80, 60, 20, 0, 100},
                Normaliser.normalise(x, spec(Direction.LOWER_IS_BETTER, Normalisation.GOALPOSTS, null, 0.0, 50.0), Normalisation.GOALPOSTS), EPS);
    }

    @Test
    void rankAndPercentileRankShareTies() {
        // 5, 3, 5, 1 ascending min-ranks: 1 -> 1, 3 -> 2, 5 and 5 -> 3 -> (3, 2, 3, 1)
        double[] x = {5, 3, 5, 1};
        assertArrayEquals(new double[]{3, 2, 3, 1},
                Normaliser.normalise(x, spec(Direction.HIGHER_IS_BETTER, Normalisation.RANK, null, null, null), Normalisation.RANK), EPS);
        // percent rank 100 (r - 1)/(n - 1): 66.667, 33.333, 66.667, 0
        assertArrayEquals(new double[]{66.666666667, 33.333333333, 66.666666667, 0},
                Normaliser.normalise(x, spec(Direction.HIGHER_IS_BETTER, Normalisation.PERCENTILE_RANK, null, null, null), Normalisation.PERCENTILE_RANK), EPS);
        // lower is better: -5, -3, -5, -1 -> ranks 1, 3, 1, 4
        assertArrayEquals(new double[]{1, 3, 1, 4},
                Normaliser.normalise(x, spec(Direction.LOWER_IS_BETTER, Normalisation.RANK, null, null, null), Normalisation.RANK), EPS);
    }

    @Test
    void weightedArithmeticAndGeometricMeans() {
        List<double[]> parts = List.of(new double[]{0.5, 40}, new double[]{0.3, 60}, new double[]{0.2, 100});
        // 0.5·40 + 0.3·60 + 0.2·100 = 20 + 18 + 20 = 58
        assertEquals(58, ScoringEngine.aggregate(parts, Aggregation.ARITHMETIC, 1), EPS);
        // exp(0.5 ln 41 + 0.3 ln 61 + 0.2 ln 101) - 1 = 54.316559
        assertEquals(54.31655860425474, ScoringEngine.aggregate(parts, Aggregation.GEOMETRIC, 1), EPS);
        // weights that do not sum to 1 are renormalised: (1·40 + 1·60)/2 = 50
        assertEquals(50, ScoringEngine.aggregate(List.of(new double[]{1, 40}, new double[]{1, 60}), Aggregation.ARITHMETIC, 1), EPS);
    }
}
