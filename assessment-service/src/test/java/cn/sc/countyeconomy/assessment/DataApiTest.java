package cn.sc.countyeconomy.assessment;

import cn.sc.countyeconomy.api.testing.CsvRows;
import cn.sc.countyeconomy.api.testing.Problems;
import cn.sc.countyeconomy.api.testing.TestTokens;
import cn.sc.countyeconomy.registry.client.RegistryCounty;
import cn.sc.countyeconomy.registry.client.testing.RegistryStub;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.*;

import static cn.sc.countyeconomy.assessment.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

/** Bulk submission, validation, and the workflow (years 2031-2035 belong to this class). */
@QuarkusTest
@TestProfile(AssessmentTestProfile.class)
class DataApiTest {

    @BeforeEach
    void registry() {
        SichuanRegistry.state();
    }

    /** The indicators that count (cases, persons): integer-valued. */
    static final List<String> COUNTS = List.of("NEW_URBAN_JOBS", "SERIOUS_ACCIDENTS", "STATISTICAL_VIOLATIONS");
    static final List<String> INDICATORS = List.of("GDP", "GDP_GROWTH", "GDP_PER_CAPITA", "PARK_OUTPUT_PER_LAND", "BUDGET_REVENUE",
            "BUDGET_REVENUE_TAX_SHARE", "FIXED_ASSET_INVESTMENT_GROWTH", "INDUSTRIAL_VALUE_ADDED_GROWTH", "URBANISATION_RATE",
            "URBAN_RURAL_INCOME_RATIO", "RETAIL_SALES_GROWTH", "GRAIN_OUTPUT", "PRIMARY_VALUE_ADDED_GROWTH", "RURAL_DISPOSABLE_INCOME",
            "URBAN_DISPOSABLE_INCOME", "NEW_URBAN_JOBS", "LIVELIHOOD_SPENDING_SHARE", "HOSPITAL_BEDS_PER_1000", "FOREST_COVERAGE",
            "GOOD_AIR_DAYS_RATIO", "WATER_SECTIONS_COMPLIANCE", "ENERGY_INTENSITY_DECLINE", "ECOLOGICAL_REDLINE_AREA_KEPT",
            "ARABLE_LAND_RETAINED", "SERIOUS_ACCIDENTS", "GOVERNMENT_DEBT_RATIO", "STATISTICAL_VIOLATIONS");

    @Test
    void aProvinceWideCsvOf183CountiesInOneRequestDryRunThenWritten() {
        StringBuilder csv = new StringBuilder("countyCode,indicatorCode,value,source\n");
        for (RegistryCounty c : RegistryStub.sichuan()) {
            for (String i : INDICATORS) {
                // counts take whole numbers
                csv.append(c.code()).append(',').append(i).append(COUNTS.contains(i) ? ",1" : ",1.5").append(",四川省统计局 县域统计年鉴\n");
            }
        }
        int n = 183 * 27;
        given().header("Authorization", TestTokens.bearer("editor")).contentType("text/csv; charset=UTF-8").body(csv.toString())
                .queryParam("dryRun", true).post("/api/v1/data/2031/values").then().statusCode(200)
                .body("dryRun", equalTo(true)).body("received", equalTo(n)).body("accepted", equalTo(n)).body("written", equalTo(0));
        assertEquals(0, Api.count("/api/v1/data/2031/values"));
        given().header("Authorization", TestTokens.bearer("editor")).contentType("text/csv; charset=UTF-8").body(csv.toString())
                .post("/api/v1/data/2031/values").then().statusCode(200).body("written", equalTo(n)).body("rejected", equalTo(0));
        assertEquals(n, Api.count("/api/v1/data/2031/values"));
        // Chinese text end to end, JSON and CSV; values exact
        as("reader").queryParam("county", "510104").queryParam("indicator", "GDP").get("/api/v1/data/2031/values").then().statusCode(200)
                .body("items[0].source", equalTo("四川省统计局 县域统计年鉴")).body("items[0].value", equalTo(1.5));
        String out = as("reader").accept("text/csv").queryParam("county", "510104").get("/api/v1/data/2031/values").then().statusCode(200).extract().asString();
        Map<String, String> arable = CsvRows.parse(out).stream().filter(r -> r.get("indicatorCode").equals("ARABLE_LAND_RETAINED"))
                .findFirst().orElseThrow();
        assertEquals(Map.of("countyCode", "510104", "year", "2031", "indicatorCode", "ARABLE_LAND_RETAINED", "value", "1.500000",
                "synthetic", "false", "source", "四川省统计局 县域统计年鉴", "flag", ""), arable, out);
        as("admin").queryParam("resourceType", "DataImport").queryParam("resourceId", "2031").get("/api/v1/audit").then().statusCode(200)
                .body("items[0].action", equalTo("IMPORT"));
    }

    @Test
    void everyBadValueIsReportedAndNothingIsWritten() {
        List<Map<String, Object>> values = List.of(
                v("510104", "GDP", "100.25", null), // 0 fine
                v("510104", "NO_SUCH", "1", null), // 1 unknown indicator
                v(SichuanRegistry.RETIRED_SHUANGLIU, "GDP", "1", null), // 2 retired county (双流县)
                v("510105", "GDP", "1", "万元"), // 3 wrong unit
                v("510105", "URBANISATION_RATE", "101", null), // 4 out of range 0..100
                v("510106", "GDP", "abc", null), // 5 not a number
                v("510104", "GDP", "100.25", null), // 6 duplicate of 0
                v("510106", "GDP_GROWTH", "1.1234567", null)); // 7 more than 6 decimals
        JsonPath p = as("editor").body(Map.of("values", values)).post("/api/v1/data/2032/values").then()
                .spec(Problems.problem(422, "validation-failed")).extract().jsonPath();
        assertEquals(List.of("values[1]", "values[2]", "values[3]", "values[4]", "values[5]", "values[6]", "values[7]"),
                p.getList("violations.field"));
        assertEquals(List.of("unknown-indicator", "unknown-county", "unit", "range", "type", "duplicate", "type"),
                p.getList("report.issues.findAll { it.severity == 'REJECTED' }.rule"));
        assertEquals(0, p.getInt("report.written"));
        assertEquals(0, Api.count("/api/v1/data/2032/values"));
        // dry run: 200 with the same report
        as("editor").queryParam("dryRun", true).body(Map.of("values", values)).post("/api/v1/data/2032/values").then().statusCode(200)
                .body("rejected", equalTo(7)).body("accepted", equalTo(1));
        // malformed JSON and a malformed CSV are problems too
        as("editor").body("{\"values\": [").post("/api/v1/data/2032/values").then().spec(Problems.problem(400));
        given().header("Authorization", TestTokens.bearer("editor")).contentType("text/csv").body("county,x\n1,2\n")
                .post("/api/v1/data/2032/values").then().spec(Problems.problem(422, "validation-failed"));
    }

    @Test
    void aFractionOfACountIsRejectedWhileAWholeNumberWrittenWithDecimalsIsAccepted() {
        as("reader").get("/api/v1/indicators/SERIOUS_ACCIDENTS").then().statusCode(200).body("integerValued", equalTo(true));
        as("reader").get("/api/v1/indicators/GDP").then().statusCode(200).body("integerValued", equalTo(false));
        List<Map<String, Object>> values = List.of(
                v("510104", "SERIOUS_ACCIDENTS", "0.5", null), // 0 half an accident
                v("510104", "STATISTICAL_VIOLATIONS", "2.000", null), // 1 a whole number
                v("510104", "GDP", "0.5", null)); // 2 not a count
        JsonPath p = as("editor").body(Map.of("values", values)).post("/api/v1/data/2032/values").then()
                .spec(Problems.problem(422, "validation-failed")).extract().jsonPath();
        assertEquals(List.of("values[0]"), p.getList("violations.field"));
        assertEquals(List.of("integer"), p.getList("report.issues.findAll { it.severity == 'REJECTED' }.rule"));
        assertEquals(0, Api.count("/api/v1/data/2032/values"));
        as("editor").queryParam("dryRun", true).body(Map.of("values", values)).post("/api/v1/data/2032/values").then().statusCode(200)
                .body("rejected", equalTo(1)).body("accepted", equalTo(2));
    }

    @Test
    void aValueTooLargeForItsColumnIsRejectedByRuleEvenWithoutAMaximum() {
        Map<String, Object> indicator = new LinkedHashMap<>();
        indicator.put("code", "UNBOUNDED_TEST_COUNT");
        indicator.put("name", "无上限测试指标");
        indicator.put("nameEn", "Test indicator without bounds");
        indicator.put("unit", "个");
        indicator.put("area", "ECONOMIC_DEVELOPMENT");
        indicator.put("direction", "HIGHER_IS_BETTER");
        indicator.put("source", "test");
        as("admin").body(indicator).post("/api/v1/indicators").then().statusCode(201).body("maxValue", nullValue());
        List<Map<String, Object>> values = List.of(
                v("510104", "UNBOUNDED_TEST_COUNT", "999999999999999999.999999", null), // 0 the largest NUMERIC(24, 6) holds
                v("510105", "UNBOUNDED_TEST_COUNT", "1e18", null), // 1 one more digit
                v("510106", "UNBOUNDED_TEST_COUNT", "-1E+30", null)); // 2 far below
        JsonPath p = as("editor").body(Map.of("values", values)).post("/api/v1/data/2035/values").then()
                .spec(Problems.problem(422, "validation-failed")).extract().jsonPath();
        assertEquals(List.of("values[1]", "values[2]"), p.getList("violations.field"));
        assertEquals(List.of("range", "range"), p.getList("report.issues.findAll { it.severity == 'REJECTED' }.rule"));
        assertTrue(p.getString("violations[0].message").contains("NUMERIC(24, 6)"), p.prettify());
        assertEquals(0, Api.count("/api/v1/data/2035/values"));
        as("editor").body(Map.of("values", List.of(values.get(0)))).post("/api/v1/data/2035/values").then().statusCode(200)
                .body("written", equalTo(1));
        as("reader").queryParam("indicator", "UNBOUNDED_TEST_COUNT").get("/api/v1/data/2035/values").then().statusCode(200)
                .body("items[0].countyCode", equalTo("510104"));
    }

    static Map<String, Object> v(String county, String indicator, String value, String unit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("countyCode", county);
        m.put("indicatorCode", indicator);
        m.put("value", value);
        if (unit != null)
            m.put("unit", unit);
        return m;
    }

    @Test
    void aLargeYearOnYearChangeIsFlaggedNotRejected() {
        as("editor").body(Map.of("values", List.of(v("510107", "GDP", "100", null)))).post("/api/v1/data/2033/values").then().statusCode(200);
        // GDP threshold 30%: 100 -> 140 is +40%
        as("editor").body(Map.of("values", List.of(v("510107", "GDP", "140", null)))).post("/api/v1/data/2034/values").then().statusCode(200)
                .body("flagged", equalTo(1)).body("written", equalTo(1))
                .body("issues.find { it.severity == 'FLAGGED' }.rule", equalTo("yoy-change"))
                .body("issues.find { it.severity == 'FLAGGED' }.message", containsString("40.0000%"));
        as("reader").queryParam("county", "510107").queryParam("indicator", "GDP").get("/api/v1/data/2034/values").then()
                .body("items[0].flag", containsString("yoy-change"));
    }

    @Test
    void workflowWithLocksReopenAuditAndCountyScope() {
        String county = "510108";
        String other = "510112";
        String scoped = TestTokens.bearerForCounties(List.of(county), "editor");
        List<Map<String, Object>> mine = new ArrayList<>();
        for (String i : INDICATORS)
            mine.add(v(county, i, "1", null));
        given().header("Authorization", scoped).contentType("application/json").body(Map.of("values", mine))
                .post("/api/v1/data/2033/values").then().statusCode(200);
        // a county-scoped token writing another county: 403, nothing written
        given().header("Authorization", scoped).contentType("application/json").body(Map.of("values", List.of(v(other, "GDP", "1", null))))
                .post("/api/v1/data/2033/values").then().spec(Problems.problem(403, "forbidden"));
        assertEquals(0, Api.count("/api/v1/data/2033/values", "county", other));
        // submit needs If-Match
        as("editor").body("{}").post("/api/v1/submissions/" + county + "/2033/submit").then().spec(Problems.problem(428, "precondition-required"));
        as("editor").header("If-Match", "\"99\"").body("{}").post("/api/v1/submissions/" + county + "/2033/submit").then()
                .spec(Problems.problem(412, "precondition-failed"));
        given().header("Authorization", scoped).contentType("application/json").header("If-Match", "\"0\"").body("{}")
                .post("/api/v1/submissions/" + county + "/2033/submit").then().statusCode(200).body("status", equalTo("SUBMITTED")).header("ETag", "\"1\"");
        // an editor cannot verify; approver verifies and approves
        as("editor").header("If-Match", "\"1\"").body("{}").post("/api/v1/submissions/" + county + "/2033/verify").then()
                .spec(Problems.problem(403, "forbidden"));
        as("approver").header("If-Match", "\"1\"").body("{}").post("/api/v1/submissions/" + county + "/2033/approve").then()
                .spec(Problems.problem(409, "conflict"));
        as("approver").header("If-Match", "\"1\"").body("{}").post("/api/v1/submissions/" + county + "/2033/verify").then().statusCode(200);
        as("approver").header("If-Match", "\"2\"").body("{}").post("/api/v1/submissions/" + county + "/2033/approve").then().statusCode(200).body("status",
                equalTo("APPROVED"));
        // approved data is locked
        as("editor").body(Map.of("values", List.of(v(county, "GDP", "2", null)))).post("/api/v1/data/2033/values").then()
                .spec(Problems.problem(422, "validation-failed")).body("report.issues[0].rule", equalTo("locked"));
        // reopening needs the approver and a reason
        as("approver").header("If-Match", "\"3\"").body("{}").post("/api/v1/submissions/" + county + "/2033/reopen").then()
                .spec(Problems.problem(422, "validation-failed"));
        as("approver").header("If-Match", "\"3\"").body(Map.of("reason", "统计局更正了GDP数据")).post("/api/v1/submissions/" + county + "/2033/reopen")
                .then().statusCode(200).body("status", equalTo("DRAFT")).body("reason", equalTo("统计局更正了GDP数据"));
        JsonPath audit = as("admin").queryParam("resourceType", "Submission").queryParam("resourceId", county + "/2033").queryParam("sort", "occurredAt,asc")
                .get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        List<String> actions = audit.getList("items.action");
        assertTrue(actions.containsAll(List.of("SUBMIT", "VERIFY", "APPROVE", "REOPEN")), actions.toString());
        assertTrue(audit.getList("items.reason").contains("统计局更正了GDP数据"));
        // a county missing a required indicator cannot submit
        as("editor").body(Map.of("values", List.of(v(other, "GDP_GROWTH", "3", null)))).post("/api/v1/data/2033/values").then().statusCode(200)
                .body("issues.findAll { it.rule == 'required-missing' }.indicatorCode", hasItem("GDP"));
        as("editor").header("If-Match", "\"0\"").body("{}").post("/api/v1/submissions/" + other + "/2033/submit").then()
                .spec(Problems.problem(422, "business-rule-violated")).body("rule", equalTo("required-indicators-missing"))
                .body("missing", hasItem("GDP"));
    }
}
