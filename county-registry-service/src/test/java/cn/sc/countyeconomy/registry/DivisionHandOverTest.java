package cn.sc.countyeconomy.registry;

import cn.sc.countyeconomy.api.testing.PostgresTestResource;
import cn.sc.countyeconomy.api.testing.Problems;
import cn.sc.countyeconomy.api.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What each kind of division change does to the category assignments and designations of its
 * codes, in its own transaction, told by the change feed (issue 14); and that nothing may be
 * recorded for a county outside its life. Runs on its own test province 980000 with its own designation
 * types, so that the counts of the reference data stay as they are for the other tests.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class DivisionHandOverTest {

    static final String ADMIN = TestTokens.bearer("admin");
    static final String READER = TestTokens.bearer("reader");
    static final String PROVINCE = "code,name,prefecture_code,prefecture_name,province_code,province_name\n"
            + "980301,一县,980300,东市,980000,试验省\n980302,二县,980300,东市,980000,试验省\n980303,三县,980300,东市,980000,试验省\n"
            + "980304,四县,980300,东市,980000,试验省\n980305,五县,980300,东市,980000,试验省\n980306,六县,980300,东市,980000,试验省\n"
            + "980307,七县,980300,东市,980000,试验省\n980308,八县,980300,东市,980000,试验省\n980309,九县,980300,东市,980000,试验省\n980401,西县,980400,西市,980000,试验省\n";

    static void ensureProvince() {
        for (String type : List.of("HANDOVER_OPEN", "HANDOVER_LATER")) {
            int status = given().header("Authorization", ADMIN).contentType("application/json")
                    .body(Map.of("code", type, "name", "交接测试", "nameEn", "Hand-over test " + type))
                    .when().post("/api/v1/designation-types").statusCode();
            assertTrue(status == 201 || status == 409, type + ": " + status);
        }
        if (given().header("Authorization", READER).when().get("/api/v1/counties/980401").statusCode() == 200) {
            return;
        }
        given().header("Authorization", ADMIN).contentType("text/csv; charset=UTF-8").body(PROVINCE.getBytes(StandardCharsets.UTF_8))
                .queryParam("validFrom", "2000-01-01").when().post("/api/v1/divisions/import").then().log().ifValidationFails().statusCode(200);
    }

    static long assign(String county, int year, String category) {
        return given().header("Authorization", ADMIN).contentType("application/json")
                .body(Map.of("countyCode", county, "year", year, "categoryCode", category, "source", "test"))
                .when().post("/api/v1/category-assignments").then().log().ifValidationFails().statusCode(201).extract().jsonPath().getLong("id");
    }

    static long designate(String county, String type, String from) {
        return given().header("Authorization", ADMIN).contentType("application/json")
                .body(Map.of("typeCode", type, "countyCode", county, "validFrom", from, "sourceRef", "test"))
                .when().post("/api/v1/designations").then().log().ifValidationFails().statusCode(201).extract().jsonPath().getLong("id");
    }

    /**
     * A county's holdings before a change: categories of a past year (KEY_DEVELOPMENT) and of a current one
     * (MAIN_FARM_PRODUCE), a designation open since 2022 and one that starts in 2025.
     */
    record Holdings(long past, long current, long open, long later) {

        static Holdings of(String county, int pastYear, int currentYear) {
            return new Holdings(assign(county, pastYear, "KEY_DEVELOPMENT"), assign(county, currentYear, "MAIN_FARM_PRODUCE"),
                    designate(county, "HANDOVER_OPEN", "2022-01-01"), designate(county, "HANDOVER_LATER", "2025-01-01"));
        }
    }

    static Response change(Map<String, Object> body) {
        Response r = given().header("Authorization", ADMIN).contentType("application/json").body(body)
                .when().post("/api/v1/division-changes").then().extract().response();
        assertEquals(201, r.statusCode(), r.asString());
        return r;
    }

    /**
     * year -> [categoryCode, endedOn] of a county's assignments before 2030, ended ones included (DemoDataTest may have given
     * every county a synthetic 2031).
     */
    static Map<Integer, List<String>> categories(String county) {
        Map<Integer, List<String>> m = new HashMap<>();
        JsonPath p = given().header("Authorization", READER).when().get("/api/v1/counties/" + county + "/categories?size=500").then()
                .statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = p.getList("items");
        for (Map<String, Object> a : items) {
            if ((Integer) a.get("year") >= 2030) {
                continue;
            }
            List<String> v = new ArrayList<>();
            v.add((String) a.get("categoryCode"));
            v.add((String) a.get("endedOn"));
            if (a.get("endedOn") == null || !m.containsKey((Integer) a.get("year"))) {
                m.put((Integer) a.get("year"), v);
            }
        }
        return m;
    }

    static List<Map<String, Object>> designations(String county) {
        return given().header("Authorization", READER).queryParam("county", county).queryParam("size", 500).when().get("/api/v1/designations")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** The feed events of a change, as entityType/entityId/action, read back from GET /changes. */
    static List<String> feedOf(Response change) {
        List<Number> seqs = change.jsonPath().getList("effects.sequence");
        long first = seqs.get(0).longValue();
        JsonPath feed = given().header("Authorization", READER).queryParam("after", first - 1).queryParam("limit", seqs.size()).when()
                .get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
        List<String> out = new ArrayList<>();
        List<Map<String, Object>> events = feed.getList("events");
        for (Map<String, Object> e : events) {
            out.add(e.get("entityType") + "/" + e.get("entityId") + "/" + e.get("action"));
        }
        List<String> effects = new ArrayList<>();
        List<Map<String, Object>> fx = change.jsonPath().getList("effects");
        for (Map<String, Object> e : fx) {
            effects.add(e.get("entityType") + "/" + e.get("entityId") + "/" + e.get("action"));
        }
        assertEquals(effects, out, "the feed tells every effect of the change, in order");
        return out;
    }

    @Test
    void recodeHandsYearsFromTheChangeOnAndDesignationsToTheNewCode() {
        ensureProvince();
        Holdings h = Holdings.of("980301", 2022, 2024);
        Response r = change(Map.of("kind", "RECODE", "effectiveDate", "2024-01-01", "fromCodes", List.of("980301"),
                "successors", List.of(Map.of("code", "980351")), "source", "test"));
        List<String> feed = feedOf(r);
        assertTrue(feed.contains("CATEGORY_ASSIGNMENT/" + h.current() + "/ENDED"), feed.toString());
        assertTrue(feed.contains("DESIGNATION/" + h.open() + "/ENDED"), feed.toString());
        assertTrue(feed.contains("DESIGNATION/" + h.later() + "/DELETED"), feed.toString());
        // the past stays with the old code, the years from the change on go to the new one; ended ones stay visible
        assertEquals(Map.of(2022, Arrays.asList("KEY_DEVELOPMENT", null), 2024, List.of("MAIN_FARM_PRODUCE", "2024-01-01")),
                categories("980301"));
        assertEquals(Map.of(2024, Arrays.asList("MAIN_FARM_PRODUCE", null)), categories("980351"));
        given().header("Authorization", READER).when().get("/api/v1/category-assignments/" + h.current()).then()
                .body("endedOn", equalTo("2024-01-01")).body("endReason", org.hamcrest.Matchers.containsString("retired 980301"));
        given().header("Authorization", READER).when().get("/api/v1/category-assignments/" + h.past()).then().body("endedOn", nullValue());
        given().header("Authorization", READER).queryParam("year", 2024).queryParam("county", "980301").when().get("/api/v1/category-assignments")
                .then().body("totalItems", equalTo(0));
        given().header("Authorization", READER).queryParam("year", 2024).queryParam("county", "980301").queryParam("includeEnded", "true")
                .when().get("/api/v1/category-assignments").then().body("totalItems", equalTo(1));
        // designations: the open one ends and the new code holds it from the change; the later one moves whole
        given().header("Authorization", READER).when().get("/api/v1/designations/" + h.open()).then().body("validTo", equalTo("2024-01-01"));
        given().header("Authorization", READER).when().get("/api/v1/designations/" + h.later()).then().statusCode(404);
        List<Map<String, Object>> moved = designations("980351");
        assertEquals(2, moved.size(), moved.toString());
        assertEquals(Map.of("HANDOVER_OPEN", "2024-01-01", "HANDOVER_LATER", "2025-01-01"),
                Map.of((String) moved.get(0).get("typeCode"), moved.get(0).get("validFrom"), (String) moved.get(1).get("typeCode"),
                        moved.get(1).get("validFrom")));
        assertEquals(1, designations("980301").size(), "only the ended one stays on the retired code");
    }

    @Test
    void upgradeToANewCodeOnTheFirstOfJanuaryHandsThatWholeYearOver() {
        ensureProvince();
        Holdings h = Holdings.of("980309", 2022, 2023);
        change(Map.of("kind", "UPGRADE", "effectiveDate", "2023-01-01", "fromCodes", List.of("980309"),
                "successors", List.of(Map.of("code", "980381", "name", "九市", "type", "COUNTY_LEVEL_CITY")), "source", "test"));
        assertEquals(Map.of(2022, Arrays.asList("KEY_DEVELOPMENT", null), 2023, List.of("MAIN_FARM_PRODUCE", "2023-01-01")), categories("980309"));
        assertEquals(Map.of(2023, Arrays.asList("MAIN_FARM_PRODUCE", null)), categories("980381"));
        given().header("Authorization", READER).when().get("/api/v1/designations/" + h.open()).then().body("validTo", equalTo("2023-01-01"));
        given().header("Authorization", READER).when().get("/api/v1/designations/" + h.later()).then().statusCode(404);
        given().header("Authorization", READER).when().get("/api/v1/counties/980381?asOf=2025-06-01").then()
                .body("designations.typeCode", equalTo(List.of("HANDOVER_LATER", "HANDOVER_OPEN"))).body("category.year", equalTo(2023));
    }

    @Test
    void renameKeepsEverythingOnTheCode() {
        ensureProvince();
        assign("980302", 2025, "KEY_DEVELOPMENT");
        long d = designate("980302", "HANDOVER_OPEN", "2022-01-01");
        Response r = change(Map.of("kind", "RENAME", "effectiveDate", "2024-01-01", "fromCodes", List.of("980302"),
                "successors", List.of(Map.of("name", "二新县")), "source", "test"));
        assertEquals(List.of("COUNTY/980302/UPDATED"), feedOf(r));
        assertEquals(Map.of(2025, Arrays.asList("KEY_DEVELOPMENT", null)), categories("980302"));
        given().header("Authorization", READER).when().get("/api/v1/designations/" + d).then().body("validTo", nullValue());
    }

    @Test
    void transferToANewCodeHandsOverLikeARecodeAndSameCodeKeepsAll() {
        ensureProvince();
        assign("980303", 2023, "KEY_DEVELOPMENT");
        assign("980303", 2025, "KEY_DEVELOPMENT");
        long d = designate("980303", "HANDOVER_OPEN", "2022-01-01");
        change(Map.of("kind", "TRANSFER", "effectiveDate", "2024-07-01", "fromCodes", List.of("980303"),
                "successors", List.of(Map.of("code", "980451", "prefectureCode", "980400")), "source", "test"));
        assertEquals(Map.of(2023, Arrays.asList("KEY_DEVELOPMENT", null), 2025, List.of("KEY_DEVELOPMENT", "2024-07-01")),
                categories("980303"));
        assertEquals(Map.of(2025, Arrays.asList("KEY_DEVELOPMENT", null)), categories("980451"));
        given().header("Authorization", READER).when().get("/api/v1/designations/" + d).then().body("validTo", equalTo("2024-07-01"));
        given().header("Authorization", READER).when().get("/api/v1/counties/980451?asOf=2024-07-01").then()
                .body("prefectureCode", equalTo("980400")).body("designations.typeCode", equalTo(List.of("HANDOVER_OPEN")));
        // a transfer that keeps the code keeps what the code holds
        assign("980308", 2025, "MAIN_FARM_PRODUCE");
        Response same = change(Map.of("kind", "TRANSFER", "effectiveDate", "2024-07-01", "fromCodes", List.of("980308"),
                "successors", List.of(Map.of("prefectureCode", "980400")), "source", "test"));
        assertEquals(List.of("COUNTY/980308/UPDATED"), feedOf(same));
        assertEquals(Map.of(2025, Arrays.asList("MAIN_FARM_PRODUCE", null)), categories("980308"));
    }

    @Test
    void mergeHandsOverOnlyTheYearsTheMergedCodesAgreeOnAndNeverThePast() {
        ensureProvince();
        assign("980304", 2023, "KEY_DEVELOPMENT");
        assign("980304", 2024, "KEY_DEVELOPMENT");
        assign("980305", 2024, "MAIN_FARM_PRODUCE");
        assign("980304", 2025, "KEY_DEVELOPMENT");
        assign("980305", 2025, "KEY_DEVELOPMENT");
        assign("980305", 2026, "MAIN_FARM_PRODUCE");
        designate("980304", "HANDOVER_OPEN", "2022-01-01");
        designate("980305", "HANDOVER_OPEN", "2023-01-01");
        change(Map.of("kind", "MERGE", "effectiveDate", "2024-07-01", "fromCodes", List.of("980304", "980305"),
                "successors", List.of(Map.of("code", "980360", "name", "四五县")), "source", "test"));
        Map<Integer, List<String>> merged = categories("980360");
        assertEquals(Arrays.asList("KEY_DEVELOPMENT", null), merged.get(2025), "both held 2025 as KEY_DEVELOPMENT");
        assertEquals(null, merged.get(2024), "they disagreed on 2024");
        assertEquals(null, merged.get(2026), "only one held 2026");
        assertEquals(null, merged.get(2023), "a past year is never copied onto a code that did not exist then");
        assertEquals(Arrays.asList("KEY_DEVELOPMENT", null), categories("980304").get(2023));
        assertEquals("2024-07-01", categories("980305").get(2026).get(1));
        List<Map<String, Object>> held = designations("980360");
        assertEquals(1, held.size(), "the successor holds the designation both held once: " + held);
        assertEquals("2024-07-01", held.get(0).get("validFrom"));
    }

    @Test
    void splitGivesTheNewPartsTheDesignationsAndCurrentYearsAndTheOriginalKeepsItsOwn() {
        ensureProvince();
        assign("980306", 2020, "KEY_DEVELOPMENT");
        assign("980306", 2025, "MAIN_FARM_PRODUCE");
        long d = designate("980306", "HANDOVER_LATER", "2021-01-01");
        change(Map.of("kind", "SPLIT", "effectiveDate", "2024-03-01", "fromCodes", List.of("980306"),
                "successors", List.of(Map.of("code", "980306"), Map.of("code", "980361", "name", "六东县")), "source", "test"));
        assertEquals(Map.of(2020, Arrays.asList("KEY_DEVELOPMENT", null), 2025, Arrays.asList("MAIN_FARM_PRODUCE", null)),
                categories("980306"));
        assertEquals(Map.of(2025, Arrays.asList("MAIN_FARM_PRODUCE", null)), categories("980361"));
        given().header("Authorization", READER).when().get("/api/v1/designations/" + d).then().body("validTo", nullValue());
        given().header("Authorization", READER).when().get("/api/v1/counties/980361?asOf=2024-03-01").then()
                .body("designations.typeCode", equalTo(List.of("HANDOVER_LATER"))).body("designations[0].validFrom", equalTo("2024-03-01"));
    }

    @Test
    void abolishEndsDesignationsAndCurrentYearsAndWritesAfterwardsAreRefused() {
        ensureProvince();
        Holdings h = Holdings.of("980307", 2020, 2025);
        Response r = change(Map.of("kind", "ABOLISH", "effectiveDate", "2024-06-01", "fromCodes", List.of("980307"), "source", "test"));
        List<String> feed = feedOf(r);
        assertTrue(feed.containsAll(List.of("COUNTY/980307/RETIRED", "DESIGNATION/" + h.open() + "/ENDED", "DESIGNATION/" + h.later() + "/DELETED",
                "CATEGORY_ASSIGNMENT/" + h.current() + "/ENDED")), feed.toString());
        given().header("Authorization", READER).when().get("/api/v1/category-assignments/" + h.past()).then().body("endedOn", nullValue());
        given().header("Authorization", READER).when().get("/api/v1/category-assignments/" + h.current()).then().body("endedOn", equalTo("2024-06-01"));
        // nothing may be recorded for the county after its retirement
        given().header("Authorization", ADMIN).contentType("application/json")
                .body(Map.of("typeCode", "HANDOVER_OPEN", "countyCode", "980307", "validFrom", "2024-07-01", "sourceRef", "test", "source", "registry:late"))
                .when().post("/api/v1/designations").then().spec(Problems.problem(422, "business-rule-violated"));
        given().header("Authorization", ADMIN).contentType("application/json")
                .body(Map.of("typeCode", "HANDOVER_LATER", "countyCode", "980307", "validFrom", "2023-01-01", "sourceRef", "test",
                        "source", "registry:open-ended"))
                .when().post("/api/v1/designations").then().spec(Problems.problem(422, "business-rule-violated"))
                .body("rule", equalTo("outside-county-life"));
        given().header("Authorization", ADMIN).contentType("application/json")
                .body(Map.of("countyCode", "980307", "year", 2025, "categoryCode", "KEY_DEVELOPMENT", "source", "test"))
                .when().post("/api/v1/category-assignments").then().spec(Problems.problem(422, "business-rule-violated"))
                .body("rule", equalTo("outside-county-life"));
        // a correction may not stretch a designation past the retirement either
        Response ended = given().header("Authorization", READER).when().get("/api/v1/designations/" + h.open()).then().extract().response();
        given().header("Authorization", ADMIN).header("If-Match", ended.header("ETag")).contentType("application/json")
                .body(Map.of("validFrom", "2022-01-01", "validTo", "2025-01-01", "sourceRef", "test", "reason", "test"))
                .when().put("/api/v1/designations/" + h.open()).then().spec(Problems.problem(422, "business-rule-violated"))
                .body("rule", equalTo("outside-county-life"));
        assertEquals(1, designations("980307").size());
        given().header("Authorization", READER).when().get("/api/v1/counties/980307?asOf=2024-05-31").then()
                .body("designations.typeCode", equalTo(List.of("HANDOVER_OPEN"))).body("successors", empty());
    }

    @Test
    void aCategoryForAYearBeforeTheCodeExistedIsRefused() {
        ensureProvince();
        given().header("Authorization", ADMIN).contentType("application/json")
                .body(Map.of("countyCode", "510118", "year", 2018, "categoryCode", "KEY_DEVELOPMENT", "source", "test"))
                .when().post("/api/v1/category-assignments").then().spec(Problems.problem(422, "business-rule-violated"))
                .body("rule", equalTo("outside-county-life"));
    }
}
