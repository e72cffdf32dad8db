package cn.sc.countyeconomy.assessment.scoring;

import cn.sc.countyeconomy.assessment.scoring.Model.*;
import org.junit.jupiter.api.Test;

import java.util.*;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A small category worked by hand. Indicators: GDP (economy, higher is better, weight 0.5, missing
 * values imputed with the category mean), DEBT (risk, LOWER is better, 0.3, red line: at most 100
 * or disqualified), INC (living standards, higher, 0.2). Min-max normalisation, minimum data share 0.6.
 * <pre>
 *        GDP    DEBT  INC      normalised GDP / DEBT / INC          overall (arithmetic)
 * C1     100    50    30       0      100        50                 0.5·0 + 0.3·100 + 0.2·50 = 40
 * C2     200    70    10       50     66.666667  0                  25 + 20 + 0 = 45
 * C3     (200)  70    10       50     66.666667  0                  45   (GDP imputed: mean of 100, 200, 300)
 * C4     300    110   50       100    0          100                70, but DEBT 110 > 100: DISQUALIFIED
 * C5     -      -     1000     share 1/3 < 0.6: INSUFFICIENT_DATA, left out of every statistic
 * C6     no category
 * </pre>
 * GDP min-max over 100, 200, 200, 300; DEBT (110 - x)/60; INC (x - 10)/40. Ranks (C4 out): C2 and
 * C3 tie at 1, C1 is 3 (competition ranking). Previous ranks C1 4, C2 1, C3 2: changes +1, 0, +1.
 * Awards: STRONG = top 1 -> C2, C3; PROGRESS = largest gain not yet awarded -> C1.
 */
class ScoringEngineTest {

    static final double EPS = 1e-6;

    static Scheme scheme(Aggregation aggregation, List<RedLineRule> redLines) {
        List<IndicatorSpec> specs = List.of(
                new IndicatorSpec("GDP", "ECONOMIC_DEVELOPMENT", Direction.HIGHER_IS_BETTER, Normalisation.MIN_MAX, Imputation.CATEGORY_MEAN, true, null, null,
                        null),
                new IndicatorSpec("DEBT", "RISK_CONTROL", Direction.LOWER_IS_BETTER, Normalisation.MIN_MAX, Imputation.NONE, true, null, null, null),
                new IndicatorSpec("INC", "LIVING_STANDARDS", Direction.HIGHER_IS_BETTER, Normalisation.MIN_MAX, Imputation.NONE, true, null, null, null));
        return new Scheme(specs, Map.of("A", Map.of("GDP", 0.5, "DEBT", 0.3, "INC", 0.2)), aggregation, 0.6, redLines,
                List.of(new AwardRule("STRONG", AwardRuleType.TOP_N_IN_CATEGORY, 1, 0),
                        new AwardRule("PROGRESS", AwardRuleType.RANK_GAIN_IN_CATEGORY, 1, 1)));
    }

    static final RedLineRule DEBT_LINE = new RedLineRule("DEBT_WARNING_LINE", "DEBT", RedLineOperator.AT_MOST, 100,
            RedLineConsequence.DISQUALIFY, null, "debt ratio at most 100%");

    /** Previous ranks C1 4, C2 1, C3 2, all in category A as now. */
    static final Map<String, PreviousRank> LAST_YEAR_IN_A = Map.of("C1", new PreviousRank(4, "A"), "C2", new PreviousRank(1, "A"), "C3",
            new PreviousRank(2, "A"));

    static Map<String, Double> values(Double gdp, Double debt, Double inc) {
        Map<String, Double> m = new HashMap<>();
        m.put("GDP", gdp);
        m.put("DEBT", debt);
        m.put("INC", inc);
        return m;
    }

    static List<CountyInput> inputs() {
        return List.of(
                new CountyInput("C4", "A", values(300.0, 110.0, 50.0)),
                new CountyInput("C2", "A", values(200.0, 70.0, 10.0)),
                new CountyInput("C1", "A", values(100.0, 50.0, 30.0)),
                new CountyInput("C3", "A", values(null, 70.0, 10.0)),
                new CountyInput("C5", "A", values(null, null, 1000.0)),
                new CountyInput("C6", null, values(1.0, 1.0, 1.0)));
    }

    static Map<String, CountyResult> byCode(Result r) {
        Map<String, CountyResult> m = new LinkedHashMap<>();
        r.counties().forEach(c -> m.put(c.countyCode(), c));
        return m;
    }

    @Test
    void arithmeticRunWorkedByHand() {
        Result r = ScoringEngine.score(scheme(Aggregation.ARITHMETIC, List.of(DEBT_LINE)), inputs(), LAST_YEAR_IN_A);
        Map<String, CountyResult> m = byCode(r);
        assertEquals(40.0, m.get("C1").overall(), EPS);
        assertEquals(45.0, m.get("C2").overall(), EPS);
        assertEquals(45.0, m.get("C3").overall(), EPS);
        assertEquals(70.0, m.get("C4").overall(), EPS);
        // normalised values, lower-is-better DEBT turned round
        assertEquals(0.0, m.get("C1").indicators().get(0).normalised(), EPS);
        assertEquals(100.0, m.get("C1").indicators().get(1).normalised(), EPS);
        assertEquals(66.666667, m.get("C2").indicators().get(1).normalised(), EPS);
        assertEquals(0.0, m.get("C4").indicators().get(1).normalised(), EPS);
        // INC normalised without C5's 1000: C4's 50 is the maximum
        assertEquals(100.0, m.get("C4").indicators().get(2).normalised(), EPS);
        assertEquals(50.0, m.get("C1").indicators().get(2).normalised(), EPS);
        // imputation: C3's GDP is the category mean 200, marked imputed; raw stays missing
        IndicatorResult c3gdp = m.get("C3").indicators().get(0);
        assertNull(c3gdp.raw());
        assertTrue(c3gdp.imputed());
        assertEquals(200.0, c3gdp.treated(), EPS);
        // area scores (one indicator per area here)
        assertEquals(Map.of("ECONOMIC_DEVELOPMENT", 0.0, "RISK_CONTROL", 100.0, "LIVING_STANDARDS", 50.0), m.get("C1").areaScores());
        // ties and competition ranking, disqualification
        assertEquals(1, m.get("C2").rank());
        assertEquals(1, m.get("C3").rank());
        assertEquals(3, m.get("C1").rank());
        assertNull(m.get("C4").rank());
        assertEquals(Status.DISQUALIFIED, m.get("C4").status());
        RedLineFinding f = m.get("C4").redLines().get(0);
        assertEquals("FAILED", f.outcome());
        assertEquals(110.0, f.value());
        assertEquals(100.0, f.threshold());
        assertEquals("DISQUALIFY", f.consequence());
        assertEquals("PASSED", m.get("C1").redLines().get(0).outcome());
        // missing data and categories
        assertEquals(Status.INSUFFICIENT_DATA, m.get("C5").status());
        assertNull(m.get("C5").overall());
        assertEquals(1.0 / 3, m.get("C5").dataShare(), EPS);
        assertEquals("REVIEW", m.get("C5").redLines().get(0).outcome(), "its debt ratio is missing: the default is review");
        assertEquals(Status.NO_CATEGORY, m.get("C6").status());
        // rank change and awards
        assertEquals(1, m.get("C1").rankChange());
        assertEquals(0, m.get("C2").rankChange());
        assertEquals(1, m.get("C3").rankChange());
        assertEquals("STRONG", m.get("C2").award());
        assertEquals("STRONG", m.get("C3").award());
        assertEquals("PROGRESS", m.get("C1").award());
        assertNull(m.get("C4").award());
        // order: category, rank, code
        assertEquals(List.of("C2", "C3", "C1", "C4", "C5", "C6"), r.counties().stream().map(CountyResult::countyCode).toList());
    }

    @Test
    void geometricRunWorkedByHand() {
        // COINr's a_gmean refuses values <= 0, so the scheme normalises to [1, 100] (n_minmax l_u = c(1, 100)):
        // y' = 1 + 0.99 y. Areas have one indicator each, so area = y'; index = exp(Σ W ln y' / Σ W).
        Scheme s = scheme(Aggregation.GEOMETRIC, List.of(DEBT_LINE));
        Scheme oneToHundred = new Scheme(s.indicators(), s.weights(), s.aggregation(), s.minDataShare(), s.redLines(), s.awards(),
                new Parameters(null, null, null, 1.0, 100.0, null, null, null, null, null));
        Map<String, CountyResult> m = byCode(ScoringEngine.score(oneToHundred, inputs(), Map.of()));
        // C1: GDP 0 -> 1, DEBT 100 -> 100, INC 50 -> 50.5
        assertEquals(Math.exp(0.5 * Math.log(1) + 0.3 * Math.log(100) + 0.2 * Math.log(50.5)), m.get("C1").overall(), 1e-12);
        // C2: GDP 50 -> 50.5, DEBT 66.666667 -> 67, INC 0 -> 1
        assertEquals(Math.exp(0.5 * Math.log(50.5) + 0.3 * Math.log(67) + 0.2 * Math.log(1)), m.get("C2").overall(), 1e-12);
        assertEquals(8.722, m.get("C1").overall(), 1e-3);
        assertEquals(25.0881, m.get("C2").overall(), 1e-4);
        assertEquals(1, m.get("C2").rank());
        assertEquals(3, m.get("C1").rank());
        // with the default l_u = c(0, 100) the zeros make COINr's a_gmean stop: so does the run
        assertThrows(ScoringEngine.ScoringException.class, () -> ScoringEngine.score(s, inputs(), Map.of()));
    }

    @Test
    void ranksAreTakenOnTheExactScoresNotRoundedOnes() {
        // C2 and C3 differ by 3e-9 in INC, below the 6 stored decimals: COINr ranks them 1 and 2
        List<CountyInput> in = new ArrayList<>(inputs());
        in.set(3, new CountyInput("C3", "A", values(null, 70.0, 10.00000003)));
        Map<String, CountyResult> m = byCode(ScoringEngine.score(scheme(Aggregation.ARITHMETIC, List.of(DEBT_LINE)), in, Map.of()));
        assertEquals(1, m.get("C3").rank());
        assertEquals(2, m.get("C2").rank());
        assertEquals(ScoringEngine.round(m.get("C2").overall()), ScoringEngine.round(m.get("C3").overall()));
    }

    @Test
    void aCapRuleLimitsTheScoreInsteadOfDisqualifying() {
        RedLineRule cap = new RedLineRule("DEBT_CAP", "DEBT", RedLineOperator.AT_MOST, 100, RedLineConsequence.CAP, 60.0, "cap at 60");
        Map<String, CountyResult> m = byCode(ScoringEngine.score(scheme(Aggregation.ARITHMETIC, List.of(cap)), inputs(), Map.of()));
        assertEquals(Status.SCORED, m.get("C4").status());
        assertEquals(60.0, m.get("C4").overall(), EPS);
        assertEquals(1, m.get("C4").rank());
        assertEquals(2, m.get("C2").rank());
    }

    @Test
    void noImputationRenormalisesTheWeightsOfWhatIsThere() {
        Scheme s = scheme(Aggregation.ARITHMETIC, List.of());
        Map<String, CountyResult> m = byCode(ScoringEngine.score(s, inputs(), Map.of(),
                new ScoringEngine.Overrides(null, Imputation.NONE)));
        // GDP over 100, 200, 300 -> C2 50; C3 has DEBT 66.666667 (0.3) and INC 0 (0.2):
        // (0.3·66.666667 + 0.2·0)/0.5 = 40
        assertEquals(40.0, m.get("C3").overall(), EPS);
        assertNull(m.get("C3").indicators().get(0).normalised());
        assertFalse(m.get("C3").indicators().get(0).imputed());
        // median imputation: GDP median of 100, 200, 300 = 200, the same as the mean here
        Map<String, CountyResult> med = byCode(ScoringEngine.score(s, inputs(), Map.of(), new ScoringEngine.Overrides(null, Imputation.CATEGORY_MEDIAN)));
        assertEquals(200.0, med.get("C3").indicators().get(0).treated(), EPS);
    }

    @Test
    void sameInputsInAnyOrderGiveIdenticalResults() {
        List<CountyInput> shuffled = new ArrayList<>(inputs());
        Collections.reverse(shuffled);
        assertEquals(ScoringEngine.score(scheme(Aggregation.ARITHMETIC, List.of(DEBT_LINE)), inputs(), Map.of()),
                ScoringEngine.score(scheme(Aggregation.ARITHMETIC, List.of(DEBT_LINE)), shuffled, Map.of()));
    }

    // ---------------------------------------------------------------- a missing red-line value

    /** A red line on ACC (serious accidents, none allowed; not scored), which C2 - tied first with C3 - does not report. */
    static final RedLineRule NO_ACCIDENT = new RedLineRule("WORK_SAFETY", "ACC", RedLineOperator.AT_MOST, 0, RedLineConsequence.DISQUALIFY, null,
            "a serious accident disqualifies");

    static Scheme accidentsScheme(MissingRedLineValue missing) {
        Scheme s = scheme(Aggregation.ARITHMETIC, List.of(DEBT_LINE, NO_ACCIDENT));
        return new Scheme(s.indicators(), s.weights(), s.aggregation(), s.minDataShare(), s.redLines(), s.awards(), s.parameters(), missing);
    }

    static List<CountyInput> withAccidentsButC2() {
        List<CountyInput> out = new ArrayList<>();
        for (CountyInput c : inputs()) {
            Map<String, Double> v = new HashMap<>(c.values());
            if (!c.countyCode().equals("C2")) {
                v.put("ACC", 0.0);
            }
            out.add(new CountyInput(c.countyCode(), c.category(), v));
        }
        return out;
    }

    static RedLineFinding accidentFinding(CountyResult c) {
        return c.redLines().stream().filter(f -> f.rule().equals("WORK_SAFETY")).findFirst().orElseThrow();
    }

    @Test
    void aSchemeThatSaysNothingReviewsAMissingRedLineValueScoredAndRankedButWithoutAward() {
        Scheme silent = scheme(Aggregation.ARITHMETIC, List.of(DEBT_LINE, NO_ACCIDENT));
        assertEquals(MissingRedLineValue.REVIEW, silent.missingRedLineValue());
        Map<String, CountyResult> m = byCode(ScoringEngine.score(silent, withAccidentsButC2(), Map.of()));
        CountyResult c2 = m.get("C2");
        assertEquals(Status.SCORED, c2.status());
        assertEquals(1, c2.rank(), "still ranked");
        assertEquals("REVIEW", accidentFinding(c2).outcome());
        assertEquals("REVIEW", accidentFinding(c2).consequence());
        assertNull(c2.award(), "not reporting earns no award");
        assertEquals("STRONG", m.get("C3").award(), "the county tied with it that reported");
        assertEquals("PASSED", accidentFinding(m.get("C3")).outcome());
    }

    @Test
    void underFailAMissingRedLineValueFailsTheRuleWithItsConsequence() {
        Map<String, CountyResult> m = byCode(ScoringEngine.score(accidentsScheme(MissingRedLineValue.FAIL), withAccidentsButC2(), Map.of()));
        CountyResult c2 = m.get("C2");
        assertEquals("FAILED", accidentFinding(c2).outcome());
        assertNull(accidentFinding(c2).value());
        assertEquals("DISQUALIFY", accidentFinding(c2).consequence());
        assertEquals(Status.DISQUALIFIED, c2.status());
        assertNull(c2.rank());
        assertEquals(1, m.get("C3").rank(), "alone at the top now");
        assertEquals(2, m.get("C1").rank());
    }

    @Test
    void underIgnoreAMissingRedLineValueIsNotEvaluatedAndHasNoConsequence() {
        Map<String, CountyResult> m = byCode(ScoringEngine.score(accidentsScheme(MissingRedLineValue.IGNORE), withAccidentsButC2(), Map.of()));
        CountyResult c2 = m.get("C2");
        assertEquals("NOT_EVALUATED", accidentFinding(c2).outcome());
        assertNull(accidentFinding(c2).consequence());
        assertEquals(Status.SCORED, c2.status());
        assertEquals(1, c2.rank());
        assertEquals("STRONG", c2.award());
    }

    // ---------------------------------------------------------------- rank change within a category

    @Test
    void aRankChangeIsTakenOnlyWithinTheSameCategoryElseNullWithItsReasonAndNoProgressAward() {
        // as the worked example, but C1 (which gained a place and was PROGRESS) was ranked 4th in category B last year
        Map<String, PreviousRank> previous = Map.of("C1", new PreviousRank(4, "B"), "C2", new PreviousRank(1, "A"));
        Map<String, CountyResult> m = byCode(ScoringEngine.score(scheme(Aggregation.ARITHMETIC, List.of(DEBT_LINE)), inputs(), previous));
        CountyResult c1 = m.get("C1");
        assertEquals(3, c1.rank());
        assertEquals(4, c1.previousRank(), "last year's rank is still shown");
        assertNull(c1.rankChange());
        assertEquals(ScoringEngine.CATEGORY_CHANGED, c1.rankChangeReason());
        assertNull(c1.award(), "no PROGRESS from places in another category");
        assertEquals(0, m.get("C2").rankChange());
        assertNull(m.get("C2").rankChangeReason());
        assertNull(m.get("C3").rankChange());
        assertEquals(ScoringEngine.NO_PREVIOUS_RANK, m.get("C3").rankChangeReason());
        assertEquals(ScoringEngine.NOT_RANKED, m.get("C4").rankChangeReason(), "disqualified: no rank to compare");
        assertEquals(ScoringEngine.NOT_RANKED, m.get("C5").rankChangeReason());
    }
}
