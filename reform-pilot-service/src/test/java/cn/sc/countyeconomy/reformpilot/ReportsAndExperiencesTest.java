package cn.sc.countyeconomy.reformpilot;

import cn.sc.countyeconomy.api.testing.Problems;
import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class ReportsAndExperiencesTest extends ApiTest {

    private static io.restassured.response.ValidatableResponse report(long pilot, String period) {
        return given().header("Authorization", EDITOR).contentType(ContentType.JSON)
                .body(Map.of("period", period, "status", "AT_RISK", "narrative", "土地指标紧张，进度滞后",
                        "figures", List.of(Map.of("name", "新增市场主体", "value", 1200.5, "unit", "户")),
                        "evidenceLinks", List.of("https://example.gov.cn/報告/2024")))
                .when().post("/api/v1/pilots/" + pilot + "/reports").then();
    }

    @Test
    void reportsAreDueFifteenDaysAfterTheQuarterAndLateOnesAreMarked() {
        // today 2024-10-20: 2024-Q3 was due 2024-10-15
        long pilot = pilotIn(newProgram(), "511524", "IMPLEMENTING");
        report(pilot, "2024-Q3").statusCode(201)
                .body("dueDate", equalTo("2024-10-15")).body("submittedOn", equalTo("2024-10-20")).body("late", equalTo(true))
                .body("figures[0].name", equalTo("新增市场主体")).body("figures[0].value", equalTo(1200.5f))
                .body("narrative", equalTo("土地指标紧张，进度滞后"));
        report(pilot, "2024-Q2").statusCode(201).body("late", equalTo(true));
        report(pilot, "2024-Q4").statusCode(201).body("dueDate", equalTo("2025-01-15")).body("late", equalTo(false));
        report(pilot, "2025-Q1").spec(Problems.problem(422, "validation-failed")).body("violations[0].field", equalTo("period"));
        report(pilot, "2024-Q3").spec(Problems.problem(409, "conflict"));
        report(pilot, "2024-Q5").spec(Problems.problem(422, "validation-failed")).body("violations[0].field", equalTo("period"));
        given().header("Authorization", READER).queryParam("sort", "period,desc").when().get("/api/v1/pilots/" + pilot + "/reports")
                .then().statusCode(200).body("items.period", contains("2024-Q4", "2024-Q3", "2024-Q2"))
                .body("items.late", contains(false, true, true));
    }

    @Test
    void missingReportsOfAPeriodAreListed() {
        long program = newProgram();
        long p1 = pilotIn(program, "511102", "IMPLEMENTING");
        long p2 = pilotIn(program, "511525", "IMPLEMENTING");
        pilotIn(program, "511526", "NOMINATED");
        report(p1, "2024-Q3").statusCode(201);
        given().header("Authorization", READER).queryParam("programId", program).queryParam("period", "2024-Q3")
                .when().get("/api/v1/reports/missing").then().statusCode(200)
                .body("pilotId", contains((int) p2)).body("dueDate", contains("2024-10-15")).body("overdue", contains(true));
        // implementation started 2024-03-01: nothing owed for 2023-Q4
        given().header("Authorization", READER).queryParam("programId", program).queryParam("period", "2023-Q4")
                .when().get("/api/v1/reports/missing").then().statusCode(200).body("size()", equalTo(0));
        given().header("Authorization", READER).queryParam("period", "2024-3")
                .when().get("/api/v1/reports/missing").then().spec(Problems.problem(400, "invalid-parameter"));
    }

    @Test
    void nominatedOrFinishedPilotsDoNotReport() {
        long program = newProgram();
        report(pilotIn(program, "511527", "NOMINATED"), "2024-Q3").spec(Problems.problem(422, "business-rule-violated"))
                .body("rule", equalTo("pilot-not-reporting"));
        report(pilotIn(program, "511528", "WITHDRAWN"), "2024-Q3").spec(Problems.problem(422, "business-rule-violated"))
                .body("rule", equalTo("pilot-final"));
    }

    @Test
    void evaluationsOnlyUnderEvaluationWithScoresWithinTheirMaximum() {
        long program = newProgram();
        long implementing = pilotIn(program, "511529", "IMPLEMENTING");
        given().header("Authorization", EDITOR).contentType(ContentType.JSON)
                .body(Map.of("evaluator", "第三方评估机构", "evaluatedOn", "2024-10-01", "verdict", "PASS",
                        "criteria", List.of(Map.of("name", "任务完成度", "score", 40, "maxScore", 50))))
                .when().post("/api/v1/pilots/" + implementing + "/evaluations").then()
                .spec(Problems.problem(422, "business-rule-violated")).body("rule", equalTo("pilot-not-under-evaluation"));
        long evaluated = pilotIn(program, "511602", "UNDER_EVALUATION");
        given().header("Authorization", EDITOR).contentType(ContentType.JSON)
                .body(Map.of("evaluator", "第三方评估机构", "evaluatedOn", "2024-10-01", "verdict", "PASS",
                        "criteria", List.of(Map.of("name", "任务完成度", "score", 60, "maxScore", 50))))
                .when().post("/api/v1/pilots/" + evaluated + "/evaluations").then()
                .spec(Problems.problem(422, "validation-failed")).body("violations[0].field", equalTo("criteria[0].score"));
        given().header("Authorization", EDITOR).contentType(ContentType.JSON)
                .body(Map.of("evaluator", "第三方评估机构", "evaluatedOn", "2024-10-01", "verdict", "PASS", "criteria", List.of()))
                .when().post("/api/v1/pilots/" + evaluated + "/evaluations").then()
                .spec(Problems.problem(422, "validation-failed")).body("violations[0].field", equalTo("criteria"));
        evaluate(evaluated, "PASS", "2024-10-01");
        given().header("Authorization", READER).when().get("/api/v1/pilots/" + evaluated + "/evaluations").then().statusCode(200)
                .body("items[0].evaluator", equalTo("省委改革办评估组")).body("items[0].totalScore", equalTo(87))
                .body("items[0].maxTotal", equalTo(100)).body("items[0].criteria[0].comment", equalTo("基本完成"))
                .body("items[0].recordedBy", equalTo("test-user"));
    }

    @Test
    void experiencesCarryTagsAndPromotionsAndAreFoundByTag() {
        long pilot = pilotIn(newProgram(), "511603", "IMPLEMENTING");
        var created = given().header("Authorization", EDITOR).contentType(ContentType.JSON)
                .body(Map.of("pilotId", pilot, "title", "“飞地园区”利益共享机制", "description", "跨县共建园区，税收按比例分成",
                        "tags", List.of("飞地经济", "利益共享"),
                        "promotions", List.of(Map.of("place", "全省县域经济工作现场会", "date", "2024-05-18", "channel", "MEETING"))))
                .when().post("/api/v1/experiences").then().statusCode(201)
                .body("countyCode", equalTo("511603")).body("tags", contains("利益共享", "飞地经济"))
                .body("promotions[0].place", equalTo("全省县域经济工作现场会")).extract();
        long id = created.jsonPath().getLong("id");
        String etag = created.header("ETag");
        given().header("Authorization", READER).queryParam("tag", "飞地经济").when().get("/api/v1/experiences")
                .then().statusCode(200).body("items.id", hasItem((int) id));
        given().header("Authorization", READER).queryParam("tag", "不存在的标签").when().get("/api/v1/experiences")
                .then().statusCode(200).body("items.id", not(hasItem((int) id)));
        given().header("Authorization", EDITOR).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("pilotId", pilot, "title", "“飞地园区”利益共享机制", "description", "跨县共建园区，税收按比例分成",
                        "tags", List.of("飞地经济"),
                        "promotions", List.of(Map.of("place", "全省县域经济工作现场会", "date", "2024-05-18", "channel", "MEETING"),
                                Map.of("place", "《四川日报》", "date", "2024-06-02", "channel", "PRESS"))))
                .when().put("/api/v1/experiences/" + id).then().statusCode(200).body("promotions", org.hamcrest.Matchers.hasSize(2));
        given().header("Authorization", EDITOR).contentType(ContentType.JSON)
                .body(Map.of("pilotId", 99999999, "title", "x", "description", "y"))
                .when().post("/api/v1/experiences").then().spec(Problems.problem(422, "validation-failed"))
                .body("violations[0].field", equalTo("pilotId"));
    }
}
