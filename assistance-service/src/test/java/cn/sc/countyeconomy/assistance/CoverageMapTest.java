package cn.sc.countyeconomy.assistance;

import cn.sc.countyeconomy.api.testing.DocumentedExamples;
import cn.sc.countyeconomy.api.testing.OpenApiOperations;
import cn.sc.countyeconomy.api.testing.Problems;
import cn.sc.countyeconomy.api.testing.TestTokens;
import cn.sc.countyeconomy.maps.testing.SvgMap;
import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The coverage maps against the coverage checks and fund summaries of the same year, asked in the same test. */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class CoverageMapTest {

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void registryFacts() {
        DesignatedCounties.install();
    }

    @AfterEach
    void breakersClosed() {
        breakers.resetAll();
    }

    static SvgMap map(int year, String measure) {
        String svg = given().header("Authorization", TestTokens.bearer("reader")).accept("image/svg+xml").queryParam("year", year)
                .queryParam("measure", measure).get("/api/v1/maps/coverage").then().statusCode(200)
                .contentType(startsWith("image/svg+xml")).extract().asString();
        return SvgMap.kept("coverage-" + measure + ".svg", svg);
    }

    static JsonPath read(String path, Map<String, Object> query) {
        return given().header("Authorization", TestTokens.bearer("reader")).queryParams(query).get(path).then().statusCode(200).extract()
                .jsonPath();
    }

    @Test
    void theDesignatedCountiesAreColouredByForcesPresentAndTheOthersAreNotApplicable() {
        JsonPath coverage = read("/api/v1/coverage", Map.of("year", 2025));
        Map<String, Integer> missing = new HashMap<>();
        for (Map<String, Object> c : coverage.<Map<String, Object>>getList("countiesMissingForces")) {
            missing.put((String) c.get("countyCode"), ((List<?>) c.get("missingForces")).size());
        }
        SvgMap map = map(2025, "forces").assertWellFormedMap(183, "2025", false);
        assertEquals(6, map.legendFills().size(), "0 to 5 of the five forces");
        int designated = 0;
        for (Map.Entry<String, String> c : map.classByCounty().entrySet()) {
            if (!c.getValue().equals("not-applicable")) {
                designated++;
                assertEquals(Integer.toString(5 - missing.getOrDefault(c.getKey(), 0)), c.getValue(), c.getKey());
            }
        }
        assertEquals(coverage.getInt("counties"), designated);
    }

    @Test
    void theTrainingMapHasFiveClassesAndAnUnknownMeasureIsA400() {
        SvgMap map = map(2025, "training").assertWellFormedMap(183, "2025", false);
        assertEquals(5, map.legendFills().size());
        given().header("Authorization", TestTokens.bearer("reader")).queryParam("year", 2025).queryParam("measure", "x")
                .get("/api/v1/maps/coverage").then().spec(Problems.problem(400, "invalid-parameter"));
    }

    /**
     * 2026: {@value DesignatedCounties#LATER} and four other counties get disbursements of their own here; every designated
     * county shows what the fund summary of the year says it received (none: 0), and a county that
     * received more is never in a lower class.
     */
    @Test
    void theDisbursedMapShowsEachDesignatedCountysDisbursementsOfTheYearInOrderedClasses() {
        long org = Api.organisation(Api.unique("浙江省湖州市"), "EASTERN_PARTNER");
        Api.pairing(org, DesignatedCounties.LATER, "2025-01-01");
        long project = Api.project(org, DesignatedCounties.LATER, "2026-01-01", "2026-12-31", false, "SHORT");
        Api.transaction(project, "COMMITMENT", "2026-02-01", "300000.00").then().statusCode(201);
        Api.transaction(project, "DISBURSEMENT", "2026-03-01", "123456.78").then().statusCode(201);
        // and four more counties smaller sums: with every designated county on the map (from the local copy) a single
        // county's disbursement among zeros would fall in one merged quintile class with them (county-maps merges equal
        // breaks); the order of the classes is what this test is about
        int k = 1;
        for (String county : DesignatedCounties.SINCE_2019.subList(0, 4)) {
            Api.pairing(org, county, "2025-01-01");
            long p = Api.project(org, county, "2026-01-01", "2026-12-31", false, "SHORT");
            Api.transaction(p, "COMMITMENT", "2026-02-01", "300000.00").then().statusCode(201);
            Api.transaction(p, "DISBURSEMENT", "2026-03-01", (1000 * k++) + ".00").then().statusCode(201);
        }

        Map<String, BigDecimal> disbursed = new HashMap<>();
        for (Map<String, Object> r : read("/api/v1/summaries/funds", Map.of("groupBy", "county", "year", 2026)).<Map<String, Object>>getList("")) {
            disbursed.put((String) r.get("key"), new BigDecimal(r.get("disbursed").toString()));
        }
        assertTrue(disbursed.get(DesignatedCounties.LATER).compareTo(new BigDecimal("123456.78")) >= 0);

        SvgMap map = map(2026, "disbursed").assertWellFormedMap(183, "2026", false);
        assertTrue(map.title().contains("Funds disbursed"), map.title());
        Map<String, String> classes = map.classByCounty();
        Map<String, BigDecimal> shown = new HashMap<>();
        classes.forEach((code, cls) -> {
            if (!cls.equals("not-applicable")) {
                BigDecimal amount = disbursed.getOrDefault(code, BigDecimal.ZERO);
                shown.put(code, amount);
                assertTrue(map.hover(code).endsWith(": " + String.format(Locale.ROOT, "%,.2f CNY disbursed", amount)), map.hover(code));
            }
        });
        assertEquals(read("/api/v1/coverage", Map.of("year", 2026)).getInt("counties"), shown.size(), "the designated counties are coloured");
        assertTrue(shown.containsKey(DesignatedCounties.LATER));
        shown.forEach((a, amountA) -> shown.forEach((b, amountB) -> {
            if (amountA.compareTo(amountB) < 0) {
                assertTrue(Integer.parseInt(classes.get(a)) <= Integer.parseInt(classes.get(b)), a + " received less than " + b);
            }
        }));
        String least = shown.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
        String most = shown.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        if (shown.get(least).compareTo(shown.get(most)) < 0) {
            assertTrue(Integer.parseInt(classes.get(least)) < Integer.parseInt(classes.get(most)), "the least and the most are told apart");
        }
    }

    @Test
    void theDocumentedExampleAnswersTheForcesMapOfItsYear() {
        DocumentedExamples.Example example = DocumentedExamples.of(OpenApiOperations.load(), "getCoverageMap", null);
        assertEquals(Map.of("year", "2024", "measure", "forces"), example.query());
        SvgMap map = SvgMap.kept("example-coverage.svg", example.send().extract().asString()).assertWellFormedMap(183, "2024", false);
        assertTrue(map.title().contains("Assistance forces present"), map.title());
        assertEquals(read("/api/v1/coverage", Map.of("year", 2024)).getInt("counties"),
                map.classByCounty().values().stream().filter(c -> !c.equals("not-applicable")).count());
    }
}
