package cn.sc.countyeconomy.registry;

import cn.sc.countyeconomy.api.testing.PostgresTestResource;
import cn.sc.countyeconomy.api.testing.Problems;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a service that keeps a local copy of the register loads before following the feed: every
 * version of every county (retired ones with their end), and the feed's head, which tells it where
 * to follow from and whether its stored cursor is one this registry ever gave out.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class CountyVersionsTest {

    static final String READER = DivisionChangeTest.READER;

    static List<Map<String, Object>> versions() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0;; page++) {
            JsonPath p = given().header("Authorization", READER).queryParam("page", page).queryParam("size", 500)
                    .when().get("/api/v1/county-versions").then().statusCode(200).extract().jsonPath();
            all.addAll(p.getList("items"));
            if (page + 1 >= p.getInt("totalPages")) {
                return all;
            }
        }
    }

    @Test
    void everyVersionIsListedRetiredOnesWithTheirEnd() {
        // a test province of its own (970000), so the other tests' changes and this one's do not meet
        given().header("Authorization", DivisionChangeTest.ADMIN).contentType("text/csv; charset=UTF-8")
                .body("code,name,prefecture_code,prefecture_name,province_code,province_name\n970101,寅县,970100,寅市,970000,寅省\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .queryParam("validFrom", "2000-01-01").when().post("/api/v1/divisions/import").then().statusCode(200);
        Response r = DivisionChangeTest.change(Map.of("kind", "RECODE", "effectiveDate", "2024-03-01", "fromCodes", List.of("970101"),
                "successors", List.of(Map.of("code", "970170")), "source", "test"));
        assertEquals(201, r.statusCode(), r.asString());
        List<Map<String, Object>> all = versions();
        Map<String, Object> retired = all.stream().filter(v -> "970101".equals(v.get("code"))).findFirst().orElseThrow();
        assertEquals("2024-03-01", retired.get("validTo"));
        assertEquals("寅市", retired.get("prefectureName"));
        Map<String, Object> successor = all.stream().filter(v -> "970170".equals(v.get("code"))).findFirst().orElseThrow();
        assertEquals("2024-03-01", successor.get("validFrom"));
        assertEquals("寅县", successor.get("name"));
        assertTrue(all.stream().anyMatch(v -> "510522".equals(v.get("code")) && v.get("validTo") == null), "the Sichuan counties too");
        assertTrue(all.size() >= 183, "every county-level division of Sichuan, at least: " + all.size());
    }

    @Test
    void theFeedTellsItsHeadOnEveryPage() {
        long last = DivisionChangeTest.lastSequence();
        given().header("Authorization", READER).queryParam("after", 0).queryParam("limit", 1).when().get("/api/v1/changes").then()
                .statusCode(200).body("headSequence", equalTo((int) last));
        // a cursor above the head was never given out by this registry: the page says so by its head
        given().header("Authorization", READER).queryParam("after", last + 1000).when().get("/api/v1/changes").then()
                .statusCode(200).body("events.size()", equalTo(0)).body("lastSequence", equalTo((int) (last + 1000)))
                .body("headSequence", equalTo((int) last));
    }

    @Test
    void aMalformedPageOrNoTokenIsAProblem() {
        given().header("Authorization", READER).queryParam("size", 501).when().get("/api/v1/county-versions")
                .then().spec(Problems.problem(400, "invalid-parameter")).body("detail", containsString("size"));
        given().header("Authorization", READER).queryParam("page", "x").when().get("/api/v1/county-versions")
                .then().spec(Problems.problem(400, "invalid-parameter"));
        given().when().get("/api/v1/county-versions").then().spec(Problems.problem(401, "unauthenticated"));
    }
}
