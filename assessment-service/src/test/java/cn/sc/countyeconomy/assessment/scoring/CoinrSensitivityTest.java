package cn.sc.countyeconomy.assessment.scoring;

import cn.sc.countyeconomy.assessment.scoring.Model.*;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.*;
import java.util.concurrent.ForkJoinPool;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The uncertainty analysis against COINr 1.1.14's own {@code get_noisy_weights} +
 * {@code get_sensitivity} on the same coin with the same seed (sensitivity.json, made by
 * tools/coinr/make-fixtures.R): the same sample, so the same nominal, median, 5% and 95% ranks
 * for every unit.
 */
class CoinrSensitivityTest {

    static final JsonNode FIXTURE = CoinrFixtures.read("sensitivity.json");

    static Sensitivity.Config config(int seed) {
        List<Normalisation> norms = new ArrayList<>();
        FIXTURE.get("normalisations").forEach(n -> norms.add(Normalisation.valueOf(n.asText())));
        List<Imputation> imps = new ArrayList<>();
        FIXTURE.get("imputations").forEach(n -> imps.add(Imputation.valueOf(n.asText())));
        return new Sensitivity.Config(FIXTURE.get("N").asInt(), seed, FIXTURE.get("noise").asDouble(), norms, imps);
    }

    static List<Sensitivity.CountyUncertainty> run(Sensitivity.Config cfg) {
        Scheme scheme = CoinrFixtures.scheme(FIXTURE.get("scheme"));
        return Sensitivity.run(scheme, CoinrFixtures.inputs(FIXTURE.get("data"), scheme), cfg, p -> {
        }, () -> false);
    }

    @Test
    void rRandomNumbersAreRsOwn() {
        // R 4.2.2: set.seed(42); print(runif(3), digits = 17)
        RRandom r = new RRandom(42);
        assertEquals(0.91480604349635541, r.nextUniform(), 0);
        assertEquals(0.93707541329786181, r.nextUniform(), 0);
        assertEquals(0.28613953478634357, r.nextUniform(), 0);
    }

    @Test
    void sameRankStatisticsAsCoinrsGetSensitivity() {
        List<Sensitivity.CountyUncertainty> u = run(config(FIXTURE.get("seed").asInt()));
        Map<String, Sensitivity.CountyUncertainty> by = new HashMap<>();
        u.forEach(x -> by.put(x.countyCode(), x));
        assertEquals(FIXTURE.get("rankStats").size(), u.size());
        for (JsonNode row : FIXTURE.get("rankStats")) {
            Sensitivity.CountyUncertainty x = by.get(row.get("uCode").asText());
            String unit = row.get("uCode").asText();
            assertEquals(row.get("Nominal").asInt(), x.nominalRank(), unit + " nominal");
            assertEquals(row.get("Median").asDouble(), x.medianRank(), 1e-9, unit + " median");
            assertEquals(row.get("Q5").asDouble(), x.rankP05(), 1e-9, unit + " Q5");
            assertEquals(row.get("Q95").asDouble(), x.rankP95(), 1e-9, unit + " Q95");
            assertEquals(FIXTURE.get("N").asInt(), x.replicationsRanked(), unit);
        }
    }

    @Test
    void theResultDoesNotDependOnTheNumberOfThreads() throws Exception {
        Sensitivity.Config cfg = config(7);
        List<Sensitivity.CountyUncertainty> parallel = run(cfg);
        List<Sensitivity.CountyUncertainty> single = new ForkJoinPool(1).submit(() -> run(cfg)).get();
        List<Sensitivity.CountyUncertainty> four = new ForkJoinPool(4).submit(() -> run(cfg)).get();
        assertEquals(parallel, single);
        assertEquals(parallel, four);
        assertNotEquals(parallel, run(config(8)), "another seed, another sample");
    }

    @Test
    void cancellingStopsTheAnalysis() {
        Scheme scheme = CoinrFixtures.scheme(FIXTURE.get("scheme"));
        assertNull(Sensitivity.run(scheme, CoinrFixtures.inputs(FIXTURE.get("data"), scheme), config(1), p -> {
        }, () -> true));
    }

    /**
     * W (100, 100 | 100) = 100, Q (60, 60 | 60) = 60, P (90, 90 | 10) = 50, Z (0, 0 | 0) = 0, areas
     * A = a1 + a2 and B = b weighing 0.5 each. Noise on the indicators within A never changes A's
     * score of a county whose a1 = a2, nor the areas' weights: Q is second in every replication.
     * Noise on the areas (±50%) puts P above Q whenever A weighs more than 5/8 of the index.
     */
    @Test
    void noiseOnOneLevelNeverMovesTheOtherLevelsWeights() {
        List<IndicatorSpec> specs = List.of(
                new IndicatorSpec("a1", "A", Direction.HIGHER_IS_BETTER, Normalisation.MIN_MAX, Imputation.NONE, false, null, null, null),
                new IndicatorSpec("a2", "A", Direction.HIGHER_IS_BETTER, Normalisation.MIN_MAX, Imputation.NONE, false, null, null, null),
                new IndicatorSpec("b", "B", Direction.HIGHER_IS_BETTER, Normalisation.MIN_MAX, Imputation.NONE, false, null, null, null));
        Scheme scheme = new Scheme(specs, Map.of("A", Map.of("a1", 0.25, "a2", 0.25, "b", 0.5)), Aggregation.ARITHMETIC, 0, List.of(), List.of());
        List<CountyInput> in = List.of(county("W", 100, 100, 100), county("Q", 60, 60, 60), county("P", 90, 90, 10), county("Z", 0, 0, 0));
        Sensitivity.CountyUncertainty levelOne = of("Q", Sensitivity.run(scheme, in,
                new Sensitivity.Config(200, 3, 0.5, List.of(), List.of(), List.of(), List.of(1)), p -> {
                }, () -> false));
        assertEquals(2, levelOne.nominalRank());
        assertEquals(2.0, levelOne.rankP05());
        assertEquals(2.0, levelOne.rankP95());
        Sensitivity.CountyUncertainty levelTwo = of("Q", Sensitivity.run(scheme, in,
                new Sensitivity.Config(200, 3, 0.5, List.of(), List.of(), List.of(), List.of(2)), p -> {
                }, () -> false));
        assertEquals(2.0, levelTwo.medianRank());
        assertEquals(3.0, levelTwo.rankP95());
    }

    static CountyInput county(String code, double a1, double a2, double b) {
        return new CountyInput(code, CoinrFixtures.CATEGORY, Map.of("a1", a1, "a2", a2, "b", b));
    }

    static Sensitivity.CountyUncertainty of(String code, List<Sensitivity.CountyUncertainty> u) {
        return u.stream().filter(x -> x.countyCode().equals(code)).findFirst().orElseThrow();
    }
}
