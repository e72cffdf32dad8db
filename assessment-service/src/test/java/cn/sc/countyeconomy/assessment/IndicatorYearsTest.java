package cn.sc.countyeconomy.assessment;

import cn.sc.countyeconomy.api.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.sc.countyeconomy.assessment.Api.as;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Indicator definitions are versioned by year like schemes (issue 13): a change from a year leaves the years before it
 * as they were, and a year's values are checked against that year's definition. Years 2070-2074 and the indicators
 * YEARLY_TEST_* belong to this class.
 */
@QuarkusTest
@TestProfile(AssessmentTestProfile.class)
class IndicatorYearsTest {

    @BeforeEach
    void registry() {
        SichuanRegistry.state();
    }

    static Map<String, Object> indicator(String code, String unit, int max) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("name", "按年定义的测试指标");
        m.put("nameEn", "Test indicator defined by year");
        m.put("unit", unit);
        m.put("area", "ECONOMIC_DEVELOPMENT");
        m.put("direction", "HIGHER_IS_BETTER");
        m.put("source", "test");
        m.put("minValue", 0);
        m.put("maxValue", max);
        return m;
    }

    /** A number as the JSON has it: 50 as sent, 50.000000 as stored (NUMERIC(24, 6)). */
    static org.hamcrest.Matcher<Object> number(int v) {
        return anyOf(equalTo((Object) v), equalTo((Object) (double) v));
    }

    static Map<String, Object> value(String county, String indicator, String value, String unit) {
        return DataApiTest.v(county, indicator, value, unit);
    }

    @Test
    void aChangeFrom2071LeavesTheDefinitionAndTheValidationOf2070AsTheyWere() {
        String code = "YEARLY_TEST_SHARE";
        as("admin").body(indicator(code, "%", 100)).post("/api/v1/indicators").then().statusCode(201).header("ETag", "\"0\"")
                .body("fromYear", equalTo(2000));
        as("admin").header("If-Match", "\"0\"").queryParam("fromYear", 2071).body(indicator(code, "‰", 50)).put("/api/v1/indicators/" + code)
                .then().statusCode(200).header("ETag", "\"1\"").body("unit", equalTo("‰")).body("maxValue", number(50)).body("fromYear", equalTo(2071));

        // each year its own definition; without a year the latest
        as("reader").queryParam("year", 2070).get("/api/v1/indicators/" + code).then().statusCode(200).header("ETag", "\"1\"")
                .body("unit", equalTo("%")).body("maxValue", number(100)).body("fromYear", equalTo(2000));
        as("reader").queryParam("year", 2073).get("/api/v1/indicators/" + code).then().statusCode(200)
                .body("unit", equalTo("‰")).body("maxValue", number(50)).body("fromYear", equalTo(2071));
        as("reader").get("/api/v1/indicators/" + code).then().statusCode(200).body("unit", equalTo("‰")).body("fromYear", equalTo(2071));
        as("reader").queryParam("year", 2070).queryParam("area", "ECONOMIC_DEVELOPMENT").queryParam("size", 500).get("/api/v1/indicators")
                .then().statusCode(200).body("items.find { it.code == '" + code + "' }.maxValue", number(100))
                .body("items.find { it.code == 'GDP' }.unit", equalTo("亿元 (100 million yuan)"));
        as("reader").queryParam("year", 2071).queryParam("sort", "code,desc").queryParam("size", 500).get("/api/v1/indicators")
                .then().statusCode(200).body("items.find { it.code == '" + code + "' }.maxValue", number(50))
                .body("totalItems", greaterThanOrEqualTo(28));

        // 80 % is in 2070's range, 80 ‰ is not in 2071's; each year's unit is the one its values must state
        as("editor").body(Map.of("values", List.of(value("510104", code, "80", "%")))).post("/api/v1/data/2070/values").then().statusCode(200)
                .body("written", equalTo(1));
        JsonPath refused = as("editor").body(Map.of("values", List.of(value("510104", code, "80", null), value("510105", code, "8", "%"))))
                .post("/api/v1/data/2071/values").then().spec(Problems.problem(422, "validation-failed")).extract().jsonPath();
        assertEquals(List.of("range", "unit"), refused.getList("report.issues.findAll { it.severity == 'REJECTED' }.rule"));
        assertEquals(List.of("values[0]", "values[1]"), refused.getList("violations.field"));
        org.hamcrest.MatcherAssert.assertThat(refused.getString("violations[0].message"), containsString("[0, 50] ‰"));
        assertEquals(0, Api.count("/api/v1/data/2071/values"));
        as("editor").body(Map.of("values", List.of(value("510104", code, "40", "‰")))).post("/api/v1/data/2071/values").then().statusCode(200);

        // the change is audited as what the year's definition was and became
        as("admin").queryParam("resourceType", "Indicator").queryParam("resourceId", code).queryParam("sort", "occurredAt,asc")
                .get("/api/v1/audit").then().statusCode(200).body("items.action", contains("CREATE", "UPDATE"))
                .body("items[1].before.maxValue", number(100)).body("items[1].before.fromYear", equalTo(2000))
                .body("items[1].after.maxValue", number(50)).body("items[1].after.fromYear", equalTo(2071));
    }

    @Test
    void aChangeOfAnEarlierYearLeavesTheLaterDefinitionAndMovesTheVersionOn() {
        String code = "YEARLY_TEST_RATE";
        as("admin").body(indicator(code, "%", 100)).post("/api/v1/indicators").then().statusCode(201);
        as("admin").header("If-Match", "\"0\"").queryParam("fromYear", 2073).body(indicator(code, "%", 60)).put("/api/v1/indicators/" + code)
                .then().statusCode(200).header("ETag", "\"1\"");
        // from 2000 (until 2072): the later definition stays, the catalogue's latest too; the version moves on
        as("admin").header("If-Match", "\"1\"").queryParam("fromYear", 2000).body(indicator(code, "%", 90)).put("/api/v1/indicators/" + code)
                .then().statusCode(200).header("ETag", "\"2\"").body("maxValue", number(90)).body("fromYear", equalTo(2000));
        as("reader").queryParam("year", 2072).get("/api/v1/indicators/" + code).then().statusCode(200).body("maxValue", number(90));
        as("reader").queryParam("year", 2073).get("/api/v1/indicators/" + code).then().statusCode(200).body("maxValue", number(60));
        as("reader").get("/api/v1/indicators/" + code).then().statusCode(200).header("ETag", "\"2\"").body("maxValue", number(60))
                .body("fromYear", equalTo(2073));
        // a value of 2072 is checked against 2072's maximum (90), one of 2073 against 60
        as("editor").queryParam("dryRun", true).body(Map.of("values", List.of(value("510104", code, "70", null)))).post("/api/v1/data/2072/values")
                .then().statusCode(200).body("rejected", equalTo(0));
        as("editor").queryParam("dryRun", true).body(Map.of("values", List.of(value("510104", code, "70", null)))).post("/api/v1/data/2073/values")
                .then().statusCode(200).body("rejected", equalTo(1));
        // the stale ETag of before the second change is refused, whichever year it is for
        as("admin").header("If-Match", "\"1\"").queryParam("fromYear", 2074).body(indicator(code, "%", 10)).put("/api/v1/indicators/" + code)
                .then().spec(Problems.problem(412, "precondition-failed"));
        as("reader").queryParam("year", 2074).get("/api/v1/indicators/" + code).then().statusCode(200).body("maxValue", number(60));
    }

    @Test
    void badYearsAreProblems() {
        as("admin").header("If-Match", "*").queryParam("fromYear", 1999).body(indicator("GDP", "亿元", 100000)).put("/api/v1/indicators/GDP")
                .then().spec(Problems.problem(400, "invalid-parameter")).body("detail", containsString("fromYear"));
        as("admin").header("If-Match", "*").queryParam("fromYear", "next").body(indicator("GDP", "亿元", 100000)).put("/api/v1/indicators/GDP")
                .then().spec(Problems.problem(400, "invalid-parameter"));
        as("reader").queryParam("year", "abc").get("/api/v1/indicators/GDP").then().spec(Problems.problem(400, "invalid-parameter"));
        as("reader").queryParam("year", 2101).get("/api/v1/indicators").then().spec(Problems.problem(400, "invalid-parameter"));
        as("reader").queryParam("year", 2070).get("/api/v1/indicators/NO_SUCH_INDICATOR").then().spec(Problems.problem(404, "not-found"));
        // nothing changed
        as("reader").get("/api/v1/indicators/GDP").then().statusCode(200).body("fromYear", equalTo(2000)).body("unit", equalTo("亿元 (100 million yuan)"));
    }
}
