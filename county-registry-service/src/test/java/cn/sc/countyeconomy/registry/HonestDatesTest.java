package cn.sc.countyeconomy.registry;

import cn.sc.countyeconomy.api.testing.PostgresTestResource;
import cn.sc.countyeconomy.api.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every date of the register has a source or is flagged, and nothing is recorded for a county outside its life (issue 14). */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class HonestDatesTest {

    static final String READER = TestTokens.bearer("reader");

    static JsonPath get(String path, Object... params) {
        return given().header("Authorization", READER).when().get(path, params).then().statusCode(200).extract().jsonPath();
    }

    /** The start of a current code is dated exactly when division_changes.csv records the change that made it. */
    @Test
    void everyStartHasASourceOrIsFlaggedAsUnknown() throws IOException {
        Map<String, String> changeYear = new HashMap<>();
        for (Map<String, String> ch : ReferenceDataTest.csv("division_changes.csv")) {
            changeYear.put(ch.get("new_code"), ch.get("year"));
        }
        List<Map<String, Object>> items = get("/api/v1/counties?province=510000&size=500").getList("items");
        assertEquals(183, items.size());
        for (Map<String, Object> c : items) {
            String code = (String) c.get("code");
            if (changeYear.containsKey(code)) {
                assertEquals(true, c.get("validFromKnown"), code);
                assertEquals(changeYear.get(code) + "-01-01", c.get("validFrom"), code);
                assertNotNull(c.get("validFromSource"), code);
            } else {
                assertEquals(false, c.get("validFromKnown"), code + " has no dated start in any source");
                assertEquals("1949-10-01", c.get("validFrom"), code);
                assertNull(c.get("validFromSource"), code);
                assertEquals("2023-06-30", c.get("recordedSince"), code + ": recorded by the NBS codes of 2023-06-30");
            }
        }
        // the retired codes: start unknown, recorded by the change that retired them
        JsonPath history = get("/api/v1/counties/510922/history");
        assertEquals(List.of(false), history.getList("versions.validFromKnown"));
        assertEquals(List.of("2018-12-31"), history.getList("versions.recordedSince"));
        given().header("Authorization", READER).queryParam("size", 100).when().get("/api/v1/provinces").then().statusCode(200)
                .body("items.find { it.code == '510000' }.validFromKnown", equalTo(false))
                .body("items.find { it.code == '510000' }.prefectureCount", equalTo(21))
                .body("items.find { it.code == '510000' }.countyCount", equalTo(183));
    }

    @Test
    void asOfAnswersBeforeTheFirstRecordedFactSayTheyAssumeUnchangedSince() {
        // 恩阳区 511903: no source dates it; for 2010 the register can only assume it was there
        given().header("Authorization", READER).when().get("/api/v1/counties/511903?asOf=2010-01-01").then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("validFromKnown", equalTo(false))
                .body("asOfBasis", equalTo("ASSUMED_UNCHANGED_SINCE")).body("recordedSince", equalTo("2023-06-30"));
        given().header("Authorization", READER).when().get("/api/v1/counties/511903?asOf=2024-01-01").then()
                .body("asOfBasis", equalTo("RECORDED"));
        // a dated start is a recorded fact on every day
        given().header("Authorization", READER).when().get("/api/v1/counties/510118?asOf=2020-01-01").then()
                .body("status", equalTo("ACTIVE")).body("asOfBasis", equalTo("RECORDED")).body("validFromKnown", equalTo(true));
        // so is "not yet valid" before it
        given().header("Authorization", READER).when().get("/api/v1/counties/510118?asOf=2019-06-01").then()
                .body("status", equalTo("NOT_YET_VALID")).body("asOfBasis", equalTo("RECORDED"));
        given().header("Authorization", READER).queryParam("asOf", "2010-01-01").queryParam("province", "510000").queryParam("size", 500)
                .when().get("/api/v1/counties").then().body("items.asOfBasis", everyItem(equalTo("ASSUMED_UNCHANGED_SINCE")));
    }

    @Test
    void predecessorsAndSuccessorsHonourAsOf() {
        given().header("Authorization", READER).when().get("/api/v1/counties/510118?asOf=2019-06-01").then()
                .body("predecessors", empty());
        given().header("Authorization", READER).when().get("/api/v1/counties/510118?asOf=2021-06-01").then()
                .body("predecessors.code", equalTo(List.of("510132")));
        given().header("Authorization", READER).when().get("/api/v1/counties/510132?asOf=2019-06-01").then()
                .body("status", equalTo("ACTIVE")).body("successors", empty());
        given().header("Authorization", READER).queryParam("asOf", "2019-06-01").queryParam("province", "510000").queryParam("size", 500).when()
                .get("/api/v1/counties")
                .then().body("items.find { it.code == '510981' }.predecessors.code", equalTo(List.of("510922")))
                .body("items.find { it.code == '510132' }.successors", empty());
        given().header("Authorization", READER).queryParam("asOf", "2018-06-01").queryParam("province", "510000").queryParam("size", 500).when()
                .get("/api/v1/counties")
                .then().body("items.find { it.code == '510922' }.successors", empty())
                .body("items.find { it.code == '511504' }.predecessors.code", equalTo(List.of("511521")));
    }

    /** The 2019 notice names 新津县 and 射洪县: their 2018 categories sit on the codes valid in 2018, found through the lineage. */
    @Test
    void the2018CategoriesSitOnTheCodesValidIn2018() throws IOException {
        Map<String, String> retiredBy = new HashMap<>();
        Map<String, Integer> changedIn = new HashMap<>();
        for (Map<String, String> ch : ReferenceDataTest.csv("division_changes.csv")) {
            retiredBy.put(ch.get("new_code"), ch.get("old_code"));
            changedIn.put(ch.get("new_code"), Integer.parseInt(ch.get("year")));
        }
        Set<String> expected = new HashSet<>();
        for (Map<String, String> a : ReferenceDataTest.csv("assessment_awards_2018.csv")) {
            String code = a.get("code");
            expected.add(changedIn.getOrDefault(code, 0) > 2018 ? retiredBy.get(code) : code);
        }
        assertTrue(expected.containsAll(Set.of("510132", "510922")));
        JsonPath page = get("/api/v1/category-assignments?year=2018&size=100");
        assertEquals(expected, new HashSet<>(page.getList("items.countyCode")));
        assertFalse(page.getList("items.countyCode").contains("510118"));
        assertFalse(page.getList("items.countyCode").contains("510981"));
        given().header("Authorization", READER).when().get("/api/v1/counties/510132?asOf=2018-06-30").then()
                .body("name", equalTo("新津县")).body("category.year", equalTo(2018)).body("category.code", equalTo("KEY_DEVELOPMENT"));
        given().header("Authorization", READER).queryParam("asOf", "2018-12-31").queryParam("year", 2018).queryParam("category", "KEY_DEVELOPMENT")
                .queryParam("province", "510000").queryParam("size", 500).when().get("/api/v1/counties").then()
                .body("items.code", hasItems("510132", "510922")).body("items.code", not(hasItems("510118")));
        given().header("Authorization", READER).when().get("/api/v1/counties/510118?asOf=2021-06-30").then().body("category", nullValue());
    }

    /** Every category assignment in force and every designation lies inside its county's life. */
    @Test
    void everyAssignmentAndDesignationLiesInsideItsCountysValidity() {
        Map<String, List<Map<String, String>>> lives = new HashMap<>();
        List<Map<String, Object>> assignments = all("/api/v1/category-assignments");
        assertFalse(assignments.isEmpty());
        for (Map<String, Object> a : assignments) {
            String code = (String) a.get("countyCode");
            int year = (Integer) a.get("year");
            List<Map<String, String>> versions = lives.computeIfAbsent(code, HonestDatesTest::versions);
            assertTrue(versions.stream().anyMatch(v -> overlaps(v, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1))),
                    "category assignment " + a.get("id") + " of " + year + " on " + code + " outside " + versions);
        }
        List<Map<String, Object>> designations = all("/api/v1/designations");
        assertFalse(designations.isEmpty());
        for (Map<String, Object> d : designations) {
            String code = (String) d.get("countyCode");
            List<Map<String, String>> versions = lives.computeIfAbsent(code, HonestDatesTest::versions);
            LocalDate from = LocalDate.parse((String) d.get("validFrom"));
            LocalDate to = d.get("validTo") == null ? null : LocalDate.parse((String) d.get("validTo"));
            assertTrue(covered(versions, from, to), "designation " + d.get("id") + " on " + code + " from " + from + " to " + to
                    + " outside " + versions);
        }
    }

    static List<Map<String, Object>> all(String path) {
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (int page = 0;; page++) {
            JsonPath p = get(path + "?size=500&page=" + page);
            List<Map<String, Object>> items = p.getList("items");
            out.addAll(items);
            if (items.size() < 500) {
                return out;
            }
        }
    }

    static List<Map<String, String>> versions(String code) {
        return get("/api/v1/counties/" + code + "/history").getList("versions");
    }

    static boolean overlaps(Map<String, String> v, LocalDate from, LocalDate to) {
        LocalDate vFrom = LocalDate.parse(v.get("validFrom"));
        LocalDate vTo = v.get("validTo") == null ? null : LocalDate.parse(v.get("validTo"));
        return vFrom.isBefore(to) && (vTo == null || vTo.isAfter(from));
    }

    static boolean covered(List<Map<String, String>> versions, LocalDate from, LocalDate to) {
        LocalDate cursor = from;
        for (Map<String, String> v : versions) {
            LocalDate vFrom = LocalDate.parse(v.get("validFrom"));
            LocalDate vTo = v.get("validTo") == null ? null : LocalDate.parse(v.get("validTo"));
            if (!vFrom.isAfter(cursor) && (vTo == null || vTo.isAfter(cursor))) {
                if (vTo == null || (to != null && !vTo.isBefore(to))) {
                    return true;
                }
                cursor = vTo;
            }
        }
        return false;
    }
}
