package cn.sc.countyeconomy.assessment.scoring;

import cn.sc.countyeconomy.assessment.scoring.Model.*;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.*;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static cn.sc.countyeconomy.assessment.scoring.CoinrFixtures.assertClose;
import static cn.sc.countyeconomy.assessment.scoring.CoinrFixtures.number;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Each case of construction.json, which COINr 1.1.14 computed (tools/coinr/make-fixtures.R):
 * the scoring package must give the same screened units, the same treatment per indicator, the
 * same treated and normalised values, area scores and index (1e-9 relative) and the same ranks.
 */
class CoinrConstructionTest {

    static final JsonNode FIXTURE = CoinrFixtures.read("construction.json");

    static Stream<String> cases() {
        return StreamSupport.stream(FIXTURE.get("cases").spliterator(), false).map(c -> c.get("name").asText());
    }

    static JsonNode fixture(String name) {
        for (JsonNode c : FIXTURE.get("cases")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException(name);
    }

    @Test
    void theFixturesWereMadeByCoinr1114() {
        assertEquals("1.1.14", FIXTURE.get("coinr").asText());
        assertTrue(FIXTURE.get("cases").size() >= 17);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameNumbersAsCoinr(String name) {
        JsonNode c = fixture(name);
        Scheme scheme = CoinrFixtures.scheme(c.get("scheme"));
        Result r = ScoringEngine.score(scheme, CoinrFixtures.inputs(c.get("data"), scheme), Map.of());
        Map<String, CountyResult> by = new HashMap<>();
        r.counties().forEach(x -> by.put(x.countyCode(), x));
        JsonNode co = c.get("coinr");

        Set<String> screened = new TreeSet<>();
        co.get("screened").forEach(u -> screened.add(u.asText()));
        Set<String> scored = new TreeSet<>();
        r.counties().stream().filter(x -> x.status() == Status.SCORED).forEach(x -> scored.add(x.countyCode()));
        assertEquals(screened, scored, "Screen(byNA)");

        Map<String, String> treatment = new HashMap<>();
        for (TreatmentLog t : r.treatments()) {
            treatment.put(t.indicator(), t.treatment() == Treatment.WINSORISED ? "WINSORISED:" + t.pointsWinsorised() : t.treatment().name());
        }
        co.get("treatment").fields().forEachRemaining(e -> assertEquals(e.getValue().asText(), treatment.getOrDefault(e.getKey(), "NONE"),
                "Treat() of " + e.getKey()));

        List<String> codes = scheme.indicators().stream().map(IndicatorSpec::code).toList();
        for (int row = 0; row < co.get("uCode").size(); row++) {
            String unit = co.get("uCode").get(row).asText();
            CountyResult cr = by.get(unit);
            for (int j = 0; j < codes.size(); j++) {
                IndicatorResult ir = cr.indicators().get(j);
                assertClose(number(co.get("treated").get(row).get(codes.get(j))), ir.treated(), unit + " treated " + codes.get(j));
                assertClose(number(co.get("normalised").get(row).get(codes.get(j))), ir.normalised(), unit + " normalised " + codes.get(j));
            }
            JsonNode areas = co.get("areas").get(row);
            Iterator<String> names = areas.fieldNames();
            while (names.hasNext()) {
                String area = names.next();
                if (!area.equals("uCode")) {
                    assertClose(number(areas.get(area)), cr.areaScores().get(area), unit + " area " + area);
                }
            }
            assertClose(number(co.get("index").get(row)), cr.overall(), unit + " index");
            JsonNode rank = co.get("rank").get(row);
            assertEquals(rank.isNull() ? null : rank.asInt(), cr.rank(), unit + " rank");
        }
    }

    @Test
    void aMissingIndicatorIsDroppedWithinItsAreaAndTheAreaKeepsItsWeight() {
        // the example: area A = a1 (0.25) + a2 (0.25), area B = b (0.5); U001 has a1 = 100, a2 missing, b = 0
        JsonNode c = fixture("aggregate-missing");
        Scheme scheme = CoinrFixtures.scheme(c.get("scheme"));
        CountyResult u1 = ScoringEngine.score(scheme, CoinrFixtures.inputs(c.get("data"), scheme), Map.of()).counties().stream()
                .filter(x -> x.countyCode().equals("U001")).findFirst().orElseThrow();
        assertEquals(100.0, u1.areaScores().get("A"), 1e-12);
        assertEquals(50.0, u1.overall(), 1e-12);
        assertEquals(50.0, c.get("coinr").get("index").get(0).asDouble(), 1e-12);
    }

    @Test
    void aColumnWithoutSpreadIsNaNAndLeftOutNotFifty() {
        JsonNode c = fixture("treatment");
        Scheme scheme = CoinrFixtures.scheme(c.get("scheme"));
        Result r = ScoringEngine.score(scheme, CoinrFixtures.inputs(c.get("data"), scheme), Map.of());
        for (CountyResult cr : r.counties()) {
            assertNull(cr.indicators().get(4).normalised(), cr.countyCode());
        }
        assertTrue(c.get("coinr").get("normalised").get(0).get("ZERO").isNull());
    }

    @Test
    void winsorisationMayPassWinmaxOnTiesAsCoinrCountsIt() {
        // TIEDTOP: 1..26, 500, 500, 500, 2000 -> 2000 to 500 (1 point) passes
        // winmax 2: the three-then-four tied 500s are changed together, nwin = 4 > winmax, and it passes
        assertEquals("WINSORISED:4", fixture("treatment-winmax2").get("coinr").get("treatment").get("TIEDTOP").asText());
        double[] x = new double[30];
        for (int i = 0; i < 26; i++) {
            x[i] = i + 1;
        }
        x[26] = 500;
        x[27] = 500;
        x[28] = 500;
        x[29] = 2000;
        OutlierTreatment.Treated t = OutlierTreatment.treat(x, new Parameters(2, 1.5, 3.0, null, null, null, null, null, null, null).withDefaults());
        assertEquals(Treatment.WINSORISED, t.outcome().treatment());
        assertEquals(4, t.outcome().pointsWinsorised());
        assertEquals(26, t.values()[29]);
    }

    @Test
    void aGeometricMeanOfZeroIsRefusedAsCoinrDoes() {
        JsonNode c = fixture("aggregate-missing");
        Scheme s = CoinrFixtures.scheme(c.get("scheme"));
        Scheme geometric = new Scheme(s.indicators(), s.weights(), Aggregation.GEOMETRIC, s.minDataShare(), List.of(), List.of(), s.parameters());
        assertThrows(ScoringEngine.ScoringException.class, () -> ScoringEngine.score(geometric, CoinrFixtures.inputs(c.get("data"), s), Map.of()));
    }
}
