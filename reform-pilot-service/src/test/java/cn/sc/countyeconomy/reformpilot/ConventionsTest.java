package cn.sc.countyeconomy.reformpilot;

import cn.sc.countyeconomy.api.testing.Problems;
import cn.sc.countyeconomy.api.testing.TestTokens;
import cn.sc.countyeconomy.registry.client.testing.RegistryStub;
import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shared API contract (issue 3) as this service meets it. */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class ConventionsTest extends ApiTest {

    // --- errors: every class answers problem+json -------------------------------------------

    @Test
    void malformedJsonIs400() {
        given().header("Authorization", EDITOR).contentType(ContentType.JSON).body("{\"programId\": 1, ")
                .when().post("/api/v1/pilots").then().spec(Problems.problem(400, "malformed-request"));
    }

    @Test
    void aValueOfTheWrongTypeInTheBodyIs400NamingTheField() {
        given().header("Authorization", EDITOR).contentType(ContentType.JSON)
                .body(Map.of("programId", 1, "batch", 1, "countyCode", "510522", "nominatedOn", "昨天", "reason", "x"))
                .when().post("/api/v1/pilots").then().spec(Problems.problem(400, "malformed-request"))
                .body("violations[0].field", equalTo("nominatedOn"));
    }

    @Test
    void failedValidationIs422WithEveryViolation() {
        given().header("Authorization", EDITOR).contentType(ContentType.JSON)
                .body(Map.of("programId", 1, "batch", 0, "countyCode", "51052", "reason", ""))
                .when().post("/api/v1/pilots").then().spec(Problems.problem(422, "validation-failed"))
                .body("violations.field", hasItems("batch", "countyCode", "nominatedOn", "reason"));
    }

    @Test
    void queryParametersOfTheWrongTypeAre400() {
        given().header("Authorization", READER).queryParam("programId", "abc").when().get("/api/v1/pilots")
                .then().spec(Problems.problem(400, "invalid-parameter")).body("violations[0].field", equalTo("programId"));
        given().header("Authorization", READER).queryParam("status", "DONE").when().get("/api/v1/pilots")
                .then().spec(Problems.problem(400, "invalid-parameter")).body("detail", containsString("NOMINATED"));
        given().header("Authorization", READER).queryParam("countyCode", "51").when().get("/api/v1/milestones/overdue")
                .then().spec(Problems.problem(400, "invalid-parameter"));
    }

    @Test
    void withoutAValidTokenEverythingIs401() {
        given().when().get("/api/v1/pilots").then().spec(Problems.problem(401, "unauthenticated"))
                .header("WWW-Authenticate", containsString("Bearer"));
        given().header("Authorization", TestTokens.expiredBearer("reader")).when().get("/api/v1/pilots")
                .then().spec(Problems.problem(401, "unauthenticated"));
        given().header("Authorization", TestTokens.foreignBearer("admin")).when().get("/api/v1/programs/1/dashboard")
                .then().spec(Problems.problem(401, "unauthenticated"));
        given().contentType(ContentType.JSON).body("{}").when().post("/api/v1/pilots")
                .then().spec(Problems.problem(401, "unauthenticated"));
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/pilots/{id}/transitions"));
    }

    @Test
    void theWrongRoleIs403() {
        given().header("Authorization", READER).contentType(ContentType.JSON)
                .body(Map.of("programId", 1, "batch", 1, "countyCode", "510522", "nominatedOn", "2024-01-01", "reason", "x"))
                .when().post("/api/v1/pilots").then().spec(Problems.problem(403, "forbidden"));
        given().header("Authorization", EDITOR).when().post("/api/v1/demo-data").then().spec(Problems.problem(403, "forbidden"));
        given().header("Authorization", EDITOR).when().get("/api/v1/audit").then().spec(Problems.problem(403, "forbidden"));
        given().header("Authorization", EDITOR).contentType(ContentType.JSON).body(Map.of("code", "X"))
                .when().post("/api/v1/programs").then().spec(Problems.problem(403, "forbidden"));
        given().header("Authorization", APPROVER).contentType(ContentType.JSON)
                .body(Map.of("title", "t", "areaCode", "MODERN_INDUSTRY", "responsibleUnit", "u"))
                .when().post("/api/v1/pilots/1/leading-task").then().spec(Problems.problem(403, "forbidden"));
    }

    @Test
    void aCountyScopedTokenWritesOnlyItsOwnCounties() {
        long program = newProgram();
        String hejiang = TestTokens.bearerForCounties(List.of("510522"), "editor");
        nominateRaw(program, "510521", "2024-01-10", hejiang).spec(Problems.problem(403, "forbidden"))
                .body("detail", containsString("510521"));
        long own = nominateRaw(program, "510522", "2024-01-10", hejiang).statusCode(201).extract().jsonPath().getLong("id");
        long other = nominate(program, "510521");
        given().header("Authorization", hejiang).contentType(ContentType.JSON)
                .body(Map.of("title", "任务", "areaCode", "MODERN_INDUSTRY", "responsibleUnit", "县发改局"))
                .when().post("/api/v1/pilots/" + other + "/leading-task").then().spec(Problems.problem(403, "forbidden"));
        transitionRaw(other, "WITHDRAWN", "2024-02-01", hejiang).spec(Problems.problem(403, "forbidden"));
        transitionRaw(own, "WITHDRAWN", "2024-02-01", hejiang).statusCode(200);
        given().header("Authorization", TestTokens.bearerForCounties(List.of("510522"), "admin")).when().post("/api/v1/demo-data")
                .then().spec(Problems.problem(403, "forbidden"));
    }

    @Test
    void unknownPathsMethodsAndMediaTypesAreProblems() {
        given().header("Authorization", READER).when().get("/api/v1/no-such-thing").then().spec(Problems.problem(404, "not-found"));
        given().header("Authorization", READER).when().get("/api/v1/programs/424242").then().spec(Problems.problem(404, "not-found"));
        given().header("Authorization", EDITOR).when().delete("/api/v1/pilots").then().spec(Problems.problem(405, "method-not-allowed"));
        given().header("Authorization", READER).accept("application/xml").when().get("/api/v1/programs")
                .then().spec(Problems.problem(406, "not-acceptable"));
        given().header("Authorization", EDITOR).contentType(ContentType.TEXT).body("programId=1")
                .when().post("/api/v1/pilots").then().spec(Problems.problem(415, "unsupported-media-type"));
    }

    // --- collections -----------------------------------------------------------------------

    @Test
    void pagingLimitsAndLinkHeaders() {
        given().header("Authorization", READER).queryParam("size", 501).when().get("/api/v1/pilots")
                .then().spec(Problems.problem(400, "invalid-parameter")).body("violations[0].field", equalTo("size"));
        given().header("Authorization", READER).queryParam("size", 0).when().get("/api/v1/pilots")
                .then().spec(Problems.problem(400, "invalid-parameter"));
        given().header("Authorization", READER).queryParam("page", "x").when().get("/api/v1/pilots")
                .then().spec(Problems.problem(400, "invalid-parameter"));
        given().header("Authorization", READER).queryParam("sort", "countyName,asc").when().get("/api/v1/pilots")
                .then().spec(Problems.problem(400, "invalid-parameter")).body("detail", containsString("countyCode"));
        given().header("Authorization", READER).queryParam("sort", "projectedFinish,sideways").when().get("/api/v1/pilots/at-risk")
                .then().spec(Problems.problem(400, "invalid-parameter"));
        given().header("Authorization", READER).queryParam("size", 500).when().get("/api/v1/pilots").then().statusCode(200);

        // the nine seeded pilots of programme 1, two per page: pages 0..4
        given().header("Authorization", READER).queryParam("programId", 1).queryParam("size", 2).queryParam("page", 1)
                .queryParam("sort", "countyCode,desc")
                .when().get("/api/v1/pilots").then().statusCode(200)
                .header("X-Total-Count", "9")
                .header("Link", containsString("page=0&size=2>; rel=\"first\""))
                .header("Link", containsString("page=0&size=2>; rel=\"prev\""))
                .header("Link", containsString("page=2&size=2>; rel=\"next\""))
                .header("Link", containsString("page=4&size=2>; rel=\"last\""))
                .header("Link", containsString("programId=1"))
                .body("totalItems", equalTo(9)).body("totalPages", equalTo(5))
                .body("items.countyCode", org.hamcrest.Matchers.contains("511502", "511321"))
                .body("items[0].history", nullValue());
    }

    // --- writing safely --------------------------------------------------------------------

    @Test
    void updatesNeedIfMatch428AndAStaleOneIs412() {
        long pilot = pilotIn(newProgram(), "511621", "IMPLEMENTING");
        createTask(pilot);
        Map<String, Object> body = Map.of("title", "新标题", "areaCode", "MODERN_INDUSTRY", "responsibleUnit", "县发改局");
        given().header("Authorization", EDITOR).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/pilots/" + pilot + "/leading-task").then().spec(Problems.problem(428, "precondition-required"));
        String etag = given().header("Authorization", READER).when().get("/api/v1/pilots/" + pilot + "/leading-task")
                .then().statusCode(200).extract().header("ETag");
        given().header("Authorization", EDITOR).header("If-Match", etag).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/pilots/" + pilot + "/leading-task").then().statusCode(200).header("ETag", not(etag));
        given().header("Authorization", EDITOR).header("If-Match", etag).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/pilots/" + pilot + "/leading-task").then().spec(Problems.problem(412, "precondition-failed"));
    }

    @Test
    void twoConcurrentUpdatesWithTheSameIfMatchExactlyOneWins() throws Exception {
        for (int round = 0; round < 3; round++) {
            long pilot = pilotIn(newProgram(), RegistryStub.sichuan().get(round).code(), "IMPLEMENTING");
            createTask(pilot);
            String etag = given().header("Authorization", READER).when().get("/api/v1/pilots/" + pilot + "/leading-task")
                    .then().statusCode(200).extract().header("ETag");
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Response>> answers = new ArrayList<>();
            for (String unit : List.of("县发改局", "县农业农村局")) {
                Callable<Response> call = () -> {
                    start.await();
                    return given().header("Authorization", EDITOR).header("If-Match", etag).contentType(ContentType.JSON)
                            .body(Map.of("title", "并发修改", "areaCode", "MODERN_INDUSTRY", "responsibleUnit", unit))
                            .when().put("/api/v1/pilots/" + pilot + "/leading-task");
                };
                answers.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            String winner = null;
            for (Future<Response> f : answers) {
                Response r = f.get();
                statuses.add(r.statusCode());
                if (r.statusCode() == 200) {
                    winner = r.jsonPath().getString("responsibleUnit");
                } else {
                    r.then().spec(Problems.problem(412, "precondition-failed"));
                }
            }
            pool.shutdown();
            statuses.sort(Integer::compare);
            assertEquals(List.of(200, 412), statuses);
            // no lost update: what is stored is the winner's write, at the next version
            given().header("Authorization", READER).when().get("/api/v1/pilots/" + pilot + "/leading-task").then()
                    .body("responsibleUnit", equalTo(winner))
                    .body("version", equalTo(Integer.parseInt(etag.replace("\"", "")) + 1));
        }
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherBody() {
        long program = newProgram();
        String key = "nominate-idempotency-key-test";
        Map<String, Object> body = Map.of("programId", program, "batch", 1, "countyCode", "511622", "nominatedOn", "2024-01-10",
                "reason", "县委县政府申报");
        var first = given().header("Authorization", EDITOR).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/pilots").then().statusCode(201).extract();
        given().header("Authorization", EDITOR).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/pilots").then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", equalTo(first.header("Location")))
                .body("id", equalTo(first.jsonPath().getInt("id")));
        given().header("Authorization", READER).queryParam("programId", program).when().get("/api/v1/pilots")
                .then().body("totalItems", equalTo(1));
        given().header("Authorization", EDITOR).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("programId", program, "batch", 1, "countyCode", "511681", "nominatedOn", "2024-01-10", "reason", "另一个"))
                .when().post("/api/v1/pilots").then().spec(Problems.problem(422, "idempotency-key-reused"));
        given().header("Authorization", READER).queryParam("programId", program).when().get("/api/v1/pilots")
                .then().body("totalItems", equalTo(1));
    }

    // --- audit -----------------------------------------------------------------------------

    @Test
    void everyKindOfWriteLeavesAnAuditRecord() {
        long program = newProgram();
        long pilot = pilotIn(program, "511702", "IMPLEMENTING");
        long task = createTask(pilot);
        String taskTag = given().header("Authorization", READER).when().get("/api/v1/pilots/" + pilot + "/leading-task")
                .then().extract().header("ETag");
        given().header("Authorization", EDITOR).header("If-Match", taskTag).contentType(ContentType.JSON)
                .body(Map.of("title", "深化要素市场化配置改革", "areaCode", "MODERN_INDUSTRY", "responsibleUnit", "县发改局"))
                .when().put("/api/v1/pilots/" + pilot + "/leading-task").then().statusCode(200);
        long m = milestone(pilot, "方案出台", "2024-04-30", "PLANNED", null);
        given().header("Authorization", EDITOR).header("If-Match", "\"0\"").when().delete("/api/v1/milestones/" + m).then().statusCode(204);
        long report = given().header("Authorization", EDITOR).contentType(ContentType.JSON)
                .body(Map.of("period", "2024-Q3", "status", "ON_TRACK", "narrative", "进展顺利"))
                .when().post("/api/v1/pilots/" + pilot + "/reports").then().statusCode(201).extract().jsonPath().getLong("id");
        given().header("Authorization", EDITOR).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("period", "2024-Q3", "status", "AT_RISK", "narrative", "更正：用地指标未落实"))
                .when().put("/api/v1/reports/" + report).then().statusCode(200).body("late", equalTo(true));
        String programTag = given().header("Authorization", READER).when().get("/api/v1/programs/" + program).then().extract().header("ETag");
        given().header("Authorization", ADMIN).header("If-Match", programTag).contentType(ContentType.JSON)
                .body(Map.of("code", "RENAMED-" + program, "name", "改名后的项目", "nameEn", "Renamed", "approvingBody", "四川省",
                        "reformAreas", List.of("MODERN_INDUSTRY", "URBAN_RURAL_INTEGRATION"), "batches", List.of(Map.of("number", 1))))
                .when().put("/api/v1/programs/" + program).then().statusCode(200).body("name", equalTo("改名后的项目"));

        audit("Pilot", pilot).body("items.action", hasItems("NOMINATE", "TRANSITION"))
                .body("items.find { it.action == 'NOMINATE' }.after.countyCode", equalTo("511702"))
                .body("items.find { it.action == 'NOMINATE' }.reason", equalTo("县委县政府申报"))
                .body("items.find { it.action == 'TRANSITION' && it.after.status == 'APPROVED' }.before.status", equalTo("NOMINATED"))
                .body("items.actor", hasItem("test-user"));
        audit("LeadingTask", task).body("items.action", hasItems("CREATE", "UPDATE"))
                .body("items.find { it.action == 'UPDATE' }.before.title", equalTo("深化农村集体产权制度改革"))
                .body("items.find { it.action == 'UPDATE' }.after.title", equalTo("深化要素市场化配置改革"));
        audit("Milestone", m).body("items.action", hasItems("CREATE", "DELETE"));
        audit("ProgressReport", report).body("items.action", hasItems("CREATE", "UPDATE"))
                .body("items.find { it.action == 'UPDATE' }.after.narrative", equalTo("更正：用地指标未落实"));
        audit("Program", program).body("items.action", hasItems("CREATE", "UPDATE"));
        long evaluated = pilotIn(program, "511703", "UNDER_EVALUATION");
        evaluate(evaluated, "PASS", "2024-09-10");
        long evaluation = given().header("Authorization", READER).when().get("/api/v1/pilots/" + evaluated + "/evaluations")
                .then().extract().jsonPath().getLong("items[0].id");
        audit("Evaluation", evaluation).body("items.action", contains("CREATE"))
                .body("items[0].after.verdict", equalTo("PASS")).body("items[0].after.evaluator", equalTo("省委改革办评估组"));
        long experience = given().header("Authorization", EDITOR).contentType(ContentType.JSON)
                .body(Map.of("pilotId", pilot, "title", "要素保障经验", "description", "用地指标统筹", "tags", List.of("要素保障")))
                .when().post("/api/v1/experiences").then().statusCode(201).extract().jsonPath().getLong("id");
        given().header("Authorization", EDITOR).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("pilotId", pilot, "title", "要素保障经验（修订）", "description", "用地指标统筹", "tags", List.of("要素保障")))
                .when().put("/api/v1/experiences/" + experience).then().statusCode(200);
        audit("Experience", experience).body("items.action", hasItems("CREATE", "UPDATE"))
                .body("items.find { it.action == 'UPDATE' }.after.title", equalTo("要素保障经验（修订）"));
    }

    private static io.restassured.response.ValidatableResponse audit(String type, Object id) {
        var req = given().header("Authorization", ADMIN).queryParam("resourceType", type).queryParam("size", 100);
        if (id != null) {
            req = req.queryParam("resourceId", id);
        }
        return req.when().get("/api/v1/audit").then().statusCode(200);
    }
}
