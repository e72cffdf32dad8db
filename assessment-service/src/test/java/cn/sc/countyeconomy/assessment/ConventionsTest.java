package cn.sc.countyeconomy.assessment;

import cn.sc.countyeconomy.api.testing.Problems;
import cn.sc.countyeconomy.api.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.*;
import java.util.concurrent.*;

import static cn.sc.countyeconomy.assessment.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

/** Issue 3's contract, in this service (schemes of the years 2040-2049 belong to this class). */
@QuarkusTest
@TestProfile(AssessmentTestProfile.class)
class ConventionsTest {

    static Map<String, Object> definition(double cityGdpWeight) {
        return Map.of("weightsSource", "项目自定权重 (test)", "aggregation", "GEOMETRIC", "minDataShare", 0.5,
                "indicators", List.of(
                        Map.of("code", "GDP", "normalisation", "Z_SCORE", "imputation", "CATEGORY_MEDIAN", "treatOutliers", true),
                        Map.of("code", "FOREST_COVERAGE", "normalisation", "GOALPOSTS", "imputation", "NONE", "treatOutliers", false,
                                "lowerGoalpost", 10, "upperGoalpost", 70)),
                "weights", Map.of("CITY_CORE_DISTRICT", Map.of("GDP", cityGdpWeight, "FOREST_COVERAGE", 0.4),
                        "KEY_ECOLOGICAL_FUNCTION", Map.of("GDP", 0.3, "FOREST_COVERAGE", 0.7)),
                "redLines", List.of(), "awards", List.of());
    }

    static JsonPath newScheme(int year) {
        return as("admin").body(Map.of("year", year, "definition", definition(0.6))).post("/api/v1/schemes").then().statusCode(201).extract().jsonPath();
    }

    @Test
    void withoutAValidTokenEverythingIs401() {
        given().get("/api/v1/indicators").then().spec(Problems.problem(401, "unauthenticated"));
        given().header("Authorization", TestTokens.expiredBearer("reader")).get("/api/v1/runs").then().spec(Problems.problem(401, "unauthenticated"));
        given().header("Authorization", TestTokens.foreignBearer("admin")).get("/api/v1/schemes").then().spec(Problems.problem(401, "unauthenticated"));
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void wrongRoleIs403() {
        as("reader").body(Map.of("year", 2040, "definition", definition(0.6))).post("/api/v1/schemes").then().spec(Problems.problem(403, "forbidden"));
        as("editor").body(Map.of("year", 2040, "definition", definition(0.6))).post("/api/v1/schemes").then().spec(Problems.problem(403, "forbidden"));
        JsonPath s = newScheme(2040);
        as("admin").header("If-Match", "\"0\"").post("/api/v1/schemes/" + s.getLong("id") + "/publish").then().spec(Problems.problem(403, "forbidden"));
        as("editor").get("/api/v1/audit").then().spec(Problems.problem(403, "forbidden"));
    }

    @Test
    void errorClassesAreProblemDetails() {
        as("admin").body("{\"year\": 2041, ").post("/api/v1/schemes").then().spec(Problems.problem(400));
        as("reader").get("/api/v1/no-such-thing").then().spec(Problems.problem(404, "not-found"));
        as("reader").get("/api/v1/schemes/987654").then().spec(Problems.problem(404, "not-found"));
        as("admin").delete("/api/v1/indicators/GDP").then().spec(Problems.problem(405, "method-not-allowed"));
        as("reader").accept("application/xml").get("/api/v1/indicators/GDP").then().spec(Problems.problem(406, "not-acceptable"));
        as("admin").contentType("text/plain").body("x").post("/api/v1/schemes").then().spec(Problems.problem(415, "unsupported-media-type"));
        as("reader").get("/api/v1/schemes/not-a-number").then().statusCode(anyOf(is(400), is(404))).contentType("application/problem+json");
        as("reader").queryParam("year", "abc").get("/api/v1/runs").then().spec(Problems.problem(400));
        // unknown JSON property, and Bean Validation
        as("admin").body(Map.of("year", 2041, "definition", definition(0.6), "bogus", 1)).post("/api/v1/schemes").then().spec(Problems.problem(400));
        as("admin").body(Map.of("definition", definition(0.6))).post("/api/v1/schemes").then().statusCode(anyOf(is(400), is(422)))
                .contentType("application/problem+json").body("violations.field", hasItem(containsString("year")));
        // weights that do not sum to 1: 422 naming the category
        as("admin").body(Map.of("year", 2041, "definition", definition(0.5))).post("/api/v1/schemes").then()
                .spec(Problems.problem(422, "validation-failed")).body("violations[0].field", equalTo("weights.CITY_CORE_DISTRICT"))
                .body("violations[0].message", containsString("CITY_CORE_DISTRICT"));
        // unknown indicator and a missing goalpost, named by position
        Map<String, Object> bad = new HashMap<>(definition(0.6));
        bad.put("indicators", List.of(Map.of("code", "NOPE", "normalisation", "MIN_MAX", "imputation", "NONE", "treatOutliers", false),
                Map.of("code", "FOREST_COVERAGE", "normalisation", "GOALPOSTS", "imputation", "NONE", "treatOutliers", false)));
        as("admin").body(Map.of("year", 2041, "definition", bad)).post("/api/v1/schemes").then().spec(Problems.problem(422, "validation-failed"))
                .body("violations.field", hasItems("indicators[0].code", "indicators[1].lowerGoalpost"));
        // 409: an indicator code that exists
        as("admin").body(indicator("GDP")).post("/api/v1/indicators").then().spec(Problems.problem(409, "conflict"));
    }

    static Map<String, Object> indicator(String code) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("name", "数字经济核心产业增加值占比");
        m.put("nameEn", "Share of the digital economy's core industries");
        m.put("unit", "%");
        m.put("area", "ECONOMIC_DEVELOPMENT");
        m.put("direction", "HIGHER_IS_BETTER");
        m.put("source", "test");
        m.put("minValue", 0);
        m.put("maxValue", 100);
        return m;
    }

    @Test
    void pagingLimitsSortAndLinks() {
        as("reader").queryParam("size", 501).get("/api/v1/indicators").then().spec(Problems.problem(400, "invalid-parameter"));
        as("reader").queryParam("sort", "secret,asc").get("/api/v1/indicators").then().spec(Problems.problem(400, "invalid-parameter"))
                .body("detail", containsString("code, area, name"));
        as("reader").queryParam("page", -1).get("/api/v1/schemes").then().spec(Problems.problem(400, "invalid-parameter"));
        Response r = as("reader").queryParam("size", 5).queryParam("page", 1).queryParam("sort", "code,desc").get("/api/v1/indicators");
        r.then().statusCode(200).body("items", hasSize(5)).body("page", equalTo(1)).body("totalItems", greaterThanOrEqualTo(27))
                .header("Link", containsString("rel=\"next\"")).header("Link", containsString("rel=\"prev\""))
                .header("Link", containsString("rel=\"first\"")).header("Link", containsString("rel=\"last\""));
        List<String> codes = r.jsonPath().getList("items.code");
        List<String> sorted = new ArrayList<>(codes);
        sorted.sort(Comparator.reverseOrder());
        assertEquals(sorted, codes);
        as("reader").queryParam("area", "RISK_CONTROL").get("/api/v1/indicators").then().statusCode(200).header("X-Total-Count", "4")
                .body("items.name", hasItem("政府债务率"));
    }

    @Test
    void ifMatchIsRequiredAndARaceHasExactlyOneWinner() throws Exception {
        JsonPath s = newScheme(2042);
        long id = s.getLong("id");
        as("admin").body(definition(0.6)).put("/api/v1/schemes/" + id).then().spec(Problems.problem(428, "precondition-required"));
        as("admin").header("If-Match", "\"7\"").body(definition(0.6)).put("/api/v1/schemes/" + id).then().spec(Problems.problem(412, "precondition-failed"));
        String etag = as("reader").get("/api/v1/schemes/" + id).then().statusCode(200).extract().header("ETag");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (double w : new double[]{0.6, 0.3}) {
            Map<String, Object> def = definition(w);
            if (w == 0.3) {
                def = new HashMap<>(def);
                def.put("weights", Map.of("CITY_CORE_DISTRICT", Map.of("GDP", 0.3, "FOREST_COVERAGE", 0.7)));
            }
            Map<String, Object> body = def;
            answers.add(pool.submit(() -> {
                go.await();
                return as("admin").header("If-Match", etag).body(body).put("/api/v1/schemes/" + id).then().extract().statusCode();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : answers)
            statuses.add(f.get(60, TimeUnit.SECONDS));
        pool.shutdown();
        Collections.sort(statuses);
        assertEquals(List.of(200, 412), statuses);
        as("reader").get("/api/v1/schemes/" + id).then().header("ETag", "\"1\"");
        // publish, then it is immutable
        as("approver").header("If-Match", "\"1\"").post("/api/v1/schemes/" + id + "/publish").then().statusCode(200).body("status", equalTo("PUBLISHED"));
        as("admin").header("If-Match", "\"2\"").body(definition(0.6)).put("/api/v1/schemes/" + id).then()
                .spec(Problems.problem(422, "business-rule-violated")).body("rule", equalTo("scheme-published"));
        // a new version of the year
        newScheme(2042).getInt("schemeVersion");
        as("reader").queryParam("year", 2042).queryParam("sort", "schemeVersion,asc").get("/api/v1/schemes").then()
                .body("items.schemeVersion", contains(1, 2)).body("items.status", contains("PUBLISHED", "DRAFT"))
                .body("items[0].definition.weightsSource", equalTo("项目自定权重 (test)"))
                .body("items[0].definition.indicators[1].area", equalTo("ECOLOGY"));
    }

    @Test
    void idempotentCreateReplaysAndRefusesAnotherBody() {
        String key = UUID.randomUUID().toString();
        Response first = as("admin").header("Idempotency-Key", key).body(Map.of("year", 2043, "definition", definition(0.6))).post("/api/v1/schemes");
        first.then().statusCode(201);
        Response second = as("admin").header("Idempotency-Key", key).body(Map.of("year", 2043, "definition", definition(0.6))).post("/api/v1/schemes");
        second.then().statusCode(201).header("Location", equalTo(first.header("Location"))).body("id", equalTo(first.jsonPath().getInt("id")));
        as("reader").queryParam("year", 2043).get("/api/v1/schemes").then().header("X-Total-Count", "1");
        as("admin").header("Idempotency-Key", key).body(Map.of("year", 2044, "definition", definition(0.6))).post("/api/v1/schemes")
                .then().spec(Problems.problem(422, "idempotency-key-reused"));
    }

    @Test
    void everyKindOfFrameworkWriteIsAudited() {
        as("admin").body(indicator("DIGITAL_ECONOMY_SHARE")).post("/api/v1/indicators").then().statusCode(201).header("ETag", "\"0\"")
                .body("name", equalTo("数字经济核心产业增加值占比"));
        Map<String, Object> changed = indicator("DIGITAL_ECONOMY_SHARE");
        changed.put("maxValue", 90);
        as("admin").header("If-Match", "\"0\"").body(changed).put("/api/v1/indicators/DIGITAL_ECONOMY_SHARE").then().statusCode(200).body("maxValue",
                equalTo(90));
        JsonPath s = newScheme(2045);
        long id = s.getLong("id");
        as("admin").header("If-Match", "\"0\"").body(definition(0.6)).put("/api/v1/schemes/" + id).then().statusCode(200);
        as("approver").header("If-Match", "\"1\"").post("/api/v1/schemes/" + id + "/publish").then().statusCode(200);
        as("admin").queryParam("resourceType", "Indicator").queryParam("resourceId", "DIGITAL_ECONOMY_SHARE").queryParam("sort", "occurredAt,asc")
                .get("/api/v1/audit").then().statusCode(200).body("items.action", contains("CREATE", "UPDATE"))
                .body("items[1].before.maxValue", equalTo(100)).body("items[1].after.maxValue", equalTo(90));
        as("admin").queryParam("resourceType", "Scheme").queryParam("resourceId", id).queryParam("sort", "occurredAt,asc")
                .get("/api/v1/audit").then().statusCode(200).body("items.action", contains("CREATE", "UPDATE", "PUBLISH"))
                .body("items[2].actor", equalTo("test-user"));
    }

    @Test
    void openApiDocumentsTheOperationsAndTheBearerScheme() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/runs'.post.summary", not(emptyOrNullString()))
                .body("paths.'/api/v1/runs/{id}/sensitivity'.post.responses.'202'", notNullValue())
                .body("components.securitySchemes", hasKey("bearer"));
    }
}
