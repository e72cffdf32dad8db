package cn.sc.countyeconomy.assessment;

import cn.sc.countyeconomy.registry.client.RegistryCategoryAssignment;
import cn.sc.countyeconomy.registry.client.testing.RegistryStub;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.sc.countyeconomy.assessment.Api.as;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A county that changed category between two years, through the API (its own years, 2061 and 2062, whose
 * categories only this test states). In 2061 X is ranked 3rd of MAIN_FARM_PRODUCE; in 2062 the registry puts
 * it in KEY_DEVELOPMENT, where it comes 1st. Places in two categories do not compare: its rank change is null
 * with the reason CATEGORY_CHANGED, it cannot take the one PROGRESS award (a subtraction would have given it
 * +2 and the award), which goes to A4, 4th then 3rd within KEY_DEVELOPMENT; last year's rank (3) is still
 * shown beside this year's.
 */
@QuarkusTest
@TestProfile(AssessmentTestProfile.class)
class CategoryChangeTest {

    static final int BEFORE = 2061, AFTER = 2062;
    static final String KEY = RegistryCategoryAssignment.KEY_DEVELOPMENT, FARM = RegistryCategoryAssignment.MAIN_FARM_PRODUCE;

    @Test
    void aCountyThatChangedCategoryHasNoRankChangeNoProgressAwardAndItsPreviousRankShown() {
        List<String> key = SichuanRegistry.inCategory(KEY), farm = SichuanRegistry.inCategory(FARM);
        String a1 = key.get(0), a2 = key.get(1), a3 = key.get(2), a4 = key.get(3), x = key.get(4), b1 = farm.get(0), b2 = farm.get(1);
        SichuanRegistry.state();
        List<RegistryCategoryAssignment> assignments = new ArrayList<>();
        long id = 900_000;
        for (int year : List.of(BEFORE, AFTER)) {
            for (String c : List.of(a1, a2, a3, a4, b1, b2, x)) {
                String cat = c.equals(x) ? (year == BEFORE ? FARM : KEY) : key.contains(c) ? KEY : FARM;
                assignments.add(new RegistryCategoryAssignment(id++, c, SichuanRegistry.nameOf(c), year, cat, cat, "test stub", 0));
            }
        }
        RegistryStub.categories(assignments);

        // 2061: KEY_DEVELOPMENT a1 400 > a2 300 > a3 200 > a4 100; MAIN_FARM_PRODUCE b1 300 > b2 200 > x 100
        long before = officialRun(BEFORE, Map.of(a1, "400", a2, "300", a3, "200", a4, "100", b1, "300", b2, "200", x, "100"));
        JsonPath card0 = as("reader").queryParam("year", BEFORE).get("/api/v1/counties/" + x + "/scorecard").then().statusCode(200).extract().jsonPath();
        assertEquals(FARM, card0.getString("category"));
        assertEquals(3, card0.getInt("rank"));
        // 2062: x moves to KEY_DEVELOPMENT and comes first; a4 gains a place (4th -> 3rd); a1, a2, a3 lose one
        long after = officialRun(AFTER, Map.of(a1, "400", a2, "300", a3, "200", a4, "350", b1, "300", b2, "200", x, "500"));
        assertNotEquals(before, after);

        JsonPath ranking = as("reader").queryParam("year", AFTER).queryParam("category", KEY).get("/api/v1/rankings").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Object>> row = new HashMap<>();
        for (Map<String, Object> r : ranking.<Map<String, Object>>getList("items"))
            row.put((String) r.get("countyCode"), r);
        assertEquals(x, ranking.getString("items[0].countyCode"));
        assertEquals(1, row.get(x).get("rank"));
        assertNull(row.get(x).get("rankChange"), "places in MAIN_FARM_PRODUCE and KEY_DEVELOPMENT do not compare");
        assertNull(row.get(x).get("award"), "no PROGRESS from a change of category");
        assertEquals(3, row.get(a4).get("rank"));
        assertEquals(1, row.get(a4).get("rankChange"));
        assertEquals("PROGRESS", row.get(a4).get("award"), "the one PROGRESS award goes to the county that gained within its category");
        assertEquals(-1, row.get(a1).get("rankChange"));
        assertEquals(1, ranking.getList("items").stream().filter(r -> "PROGRESS".equals(((Map<?, ?>) r).get("award"))).count());

        JsonPath card = as("reader").queryParam("year", AFTER).get("/api/v1/counties/" + x + "/scorecard").then().statusCode(200).extract().jsonPath();
        assertEquals(KEY, card.getString("category"));
        assertEquals(1, card.getInt("rank"));
        assertEquals(3, card.getInt("previousRank"), "last year's rank (in MAIN_FARM_PRODUCE) is still shown");
        assertNull(card.get("rankChange"));
        assertEquals("CATEGORY_CHANGED", card.getString("rankChangeReason"));
        assertNull(card.get("award"));
        // the run's stored result says the same
        JsonPath results = as("reader").queryParam("category", KEY).get("/api/v1/runs/" + after + "/results").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(x, results.getString("items[0].countyCode"));
        assertEquals(3, results.getInt("items[0].previousRank"));
        assertNull(results.get("items[0].rankChange"));
        assertEquals("CATEGORY_CHANGED", results.getString("items[0].detail.rankChangeReason"));
        // a county that stayed: its change is computed, and its scorecard gives no reason
        JsonPath stayed = as("reader").queryParam("year", AFTER).get("/api/v1/counties/" + a4 + "/scorecard").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(4, stayed.getInt("previousRank"));
        assertEquals(1, stayed.getInt("rankChange"));
        assertNull(stayed.get("rankChangeReason"));
    }

    /** A one-indicator scheme for the year (both categories, a PROGRESS award for the largest gain of a place or more), the values approved, a run marked official. */
    private static long officialRun(int year, Map<String, String> gdpPerCapita) {
        Map<String, Object> def = Map.of(
                "weightsSource", "test weights", "aggregation", "ARITHMETIC", "minDataShare", 0.5,
                "indicators", List.of(Map.of("code", "GDP_PER_CAPITA", "normalisation", "MIN_MAX", "imputation", "NONE", "treatOutliers", false)),
                "weights", Map.of(KEY, Map.of("GDP_PER_CAPITA", 1.0), FARM, Map.of("GDP_PER_CAPITA", 1.0)),
                "redLines", List.of(),
                "awards", List.of(Map.of("award", "PROGRESS", "type", "RANK_GAIN_IN_CATEGORY", "n", 1, "minGain", 1)));
        JsonPath scheme = as("admin").body(Map.of("year", year, "definition", def)).post("/api/v1/schemes").then().statusCode(201).extract().jsonPath();
        as("approver").header("If-Match", "\"" + scheme.getLong("version") + "\"").post("/api/v1/schemes/" + scheme.getLong("id") + "/publish")
                .then().statusCode(200);
        List<Map<String, String>> values = new ArrayList<>();
        gdpPerCapita.forEach((c, v) -> values.add(Map.of("countyCode", c, "indicatorCode", "GDP_PER_CAPITA", "value", v)));
        as("editor").body(Map.of("values", values)).post("/api/v1/data/" + year + "/values").then().statusCode(200);
        gdpPerCapita.keySet().forEach(c -> RunApiTest.approve(c, year));
        long run = as("editor").body(Map.of("year", year, "schemeVersion", scheme.getInt("schemeVersion"))).post("/api/v1/runs").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        as("approver").post("/api/v1/runs/" + run + "/official").then().statusCode(200);
        return run;
    }
}
