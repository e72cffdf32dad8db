package cn.sc.countyeconomy.assistance;

import cn.sc.countyeconomy.api.testing.Problems;
import cn.sc.countyeconomy.api.testing.TestClock;
import cn.sc.countyeconomy.api.testing.TestTokens;
import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.sc.countyeconomy.assistance.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** Common-prosperity agreements: who signs them, what they commit, and the legal, dated status changes. */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class AgreementTest {

    /** Every write here asks the registry whether the county is designated over the record's period. */
    @org.junit.jupiter.api.BeforeEach
    void designations() {
        DesignatedCounties.install();
    }

    private static final String COUNTY = "513335";

    private static String body(long org, String commitment, String industries) {
        return "{\"organisationId\":" + org + ",\"countyCode\":\"" + COUNTY + "\",\"title\":\"共同富裕结对帮扶协议\",\"termStart\":\"2024-01-01\","
                + "\"termEnd\":\"2026-12-31\"" + commitment + ",\"keyIndustries\":" + industries + "}";
    }

    private static io.restassured.response.Response move(long id, String etag, String status, String date) {
        return as("approver").header("If-Match", etag).body("{\"status\":\"" + status + "\",\"date\":\"" + date + "\"}")
                .post("/api/v1/agreements/" + id + "/status");
    }

    @Test
    void onlySoesSignAndTheCommitmentIsEitherAnAmountOrAShare() {
        long dept = Api.organisation(Api.unique("省直部门"), "PROVINCIAL_DEPARTMENT");
        long soe = Api.organisation(Api.unique("中国移动四川公司"), "CENTRAL_SOE");
        as("editor").body(body(dept, ",\"annualAmount\":100.00", "[\"茶叶\"]")).post("/api/v1/agreements")
                .then().spec(Problems.problem(422, "business-rule-violated")).body("rule", equalTo("agreement-requires-soe"));
        as("editor").body(body(soe, ",\"annualAmount\":100.00,\"annualSharePercent\":5", "[\"茶叶\"]")).post("/api/v1/agreements")
                .then().spec(Problems.problem(422, "validation-failed")).body("violations[0].field", equalTo("annualAmount"));
        as("editor").body(body(soe, "", "[\"茶叶\"]")).post("/api/v1/agreements")
                .then().spec(Problems.problem(422, "validation-failed")).body("violations[0].field", equalTo("annualAmount"));
        as("editor").body(body(soe, ",\"annualSharePercent\":100.5", "[\"茶叶\"]")).post("/api/v1/agreements")
                .then().spec(Problems.problem(422, "validation-failed")).body("violations[0].field", equalTo("annualSharePercent"));
        as("editor").body(body(soe, ",\"annualAmount\":100.00", "[\"茶叶\",\"文旅\",\"中药材\"]")).post("/api/v1/agreements")
                .then().spec(Problems.problem(422, "validation-failed")).body("violations[0].field", equalTo("keyIndustries"));
        as("editor").body(body(soe, ",\"annualAmount\":100.00", "[]")).post("/api/v1/agreements")
                .then().spec(Problems.problem(422, "validation-failed")).body("violations[0].field", equalTo("keyIndustries"));
        as("editor").body(body(soe, ",\"annualAmount\":100.00", "[\"茶叶\",\"文旅\"]").replace("2026-12-31", "2023-12-31")).post("/api/v1/agreements")
                .then().spec(Problems.problem(422, "validation-failed")).body("violations[0].field", equalTo("termEnd"));
        as("editor").body(body(soe, ",\"annualAmount\":3000000.00", "[\"茶叶\",\"文旅\"]")).post("/api/v1/agreements")
                .then().statusCode(201).body("status", equalTo("DRAFT")).body("keyIndustries", contains("茶叶", "文旅"))
                .body("annualAmount", equalTo(3000000.00f));
        given().header("Authorization", TestTokens.bearerForCounties(List.of("513431"), "editor")).contentType(ContentType.JSON)
                .body(body(soe, ",\"annualAmount\":1.00", "[\"茶叶\"]")).post("/api/v1/agreements").then().spec(Problems.problem(403, "forbidden"));
    }

    @Test
    void statusMovesOnlyForwardOnDatesThatFitTheTerm() {
        long soe = Api.organisation(Api.unique("四川省投资集团"), "PROVINCIAL_SOE");
        long id = as("editor").body(body(soe, ",\"annualSharePercent\":10", "[\"光伏\"]")).post("/api/v1/agreements")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        as("editor").header("If-Match", "\"0\"").body("{\"status\":\"SIGNED\",\"date\":\"2023-12-20\"}")
                .post("/api/v1/agreements/" + id + "/status").then().spec(Problems.problem(403, "forbidden"));
        as("approver").body("{\"status\":\"SIGNED\",\"date\":\"2023-12-20\"}").post("/api/v1/agreements/" + id + "/status")
                .then().spec(Problems.problem(428, "precondition-required"));
        move(id, "\"0\"", "IN_FORCE", "2024-01-01").then().spec(Problems.problem(422, "business-rule-violated"))
                .body("rule", equalTo("illegal-agreement-transition"));
        String tomorrow = TestClock.today().plusDays(1).toString();
        move(id, "\"0\"", "SIGNED", tomorrow).then().statusCode(422).body("rule", equalTo("agreement-transition-date"));
        move(id, "\"0\"", "SIGNED", "2023-12-20").then().statusCode(200).body("signedDate", equalTo("2023-12-20")).body("status", equalTo("SIGNED"));
        move(id, "\"0\"", "IN_FORCE", "2024-01-01").then().spec(Problems.problem(412, "precondition-failed"));
        move(id, "\"1\"", "IN_FORCE", "2023-12-31").then().statusCode(422).body("rule", equalTo("agreement-transition-date"));
        move(id, "\"1\"", "IN_FORCE", "2024-01-01").then().statusCode(200).body("status", equalTo("IN_FORCE"));
        move(id, "\"2\"", "EXPIRED", "2026-12-30").then().statusCode(422).body("rule", equalTo("agreement-transition-date"));
        move(id, "\"2\"", "EXPIRED", "2026-12-31").then().statusCode(200).body("status", equalTo("EXPIRED"));
        move(id, "\"3\"", "IN_FORCE", "2027-01-01").then().statusCode(422).body("rule", equalTo("illegal-agreement-transition"));
        as("reader").queryParam("countyCode", COUNTY).queryParam("status", "EXPIRED").get("/api/v1/agreements").then()
                .statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem((int) id));
    }
}
