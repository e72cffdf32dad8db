package cn.sc.countyeconomy.assistance;

import cn.sc.countyeconomy.api.testing.Problems;
import cn.sc.countyeconomy.api.testing.TestClock;
import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.sc.countyeconomy.assistance.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Projects: creation rules, the dated status pipeline, results and the IATI activity export. */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class ProjectLifecycleTest {

    @BeforeEach
    void registryFacts() {
        DesignatedCounties.install();
    }

    private static final String COUNTY = "513424";

    @Inject
    AgroalDataSource dataSource;

    private long lead;

    private long newProject() {
        lead = Api.organisation(Api.unique("省直部门"), "PROVINCIAL_DEPARTMENT");
        Api.pairing(lead, COUNTY, "2024-01-01");
        return Api.project(lead, COUNTY, "2024-03-01", "2024-12-31", true, "SHORT");
    }

    private static io.restassured.response.Response move(long p, String status, String date, String... roles) {
        return as(roles).body("{\"status\":\"" + status + "\",\"date\":\"" + date + "\",\"reason\":\"按计划\"}")
                .post("/api/v1/projects/" + p + "/transitions");
    }

    @Test
    void theLegalPathSetsActualDatesAndKeepsADatedHistory() {
        long p = newProject();
        as("reader").get("/api/v1/projects/" + p).then().statusCode(200)
                .body("status", equalTo("PIPELINE")).body("forceCode", equalTo("PROVINCIAL_TARGETED")).body("actualStart", nullValue());
        move(p, "APPROVED", "2024-02-20", "approver").then().statusCode(200).body("status", equalTo("APPROVED"));
        move(p, "IN_PROGRESS", "2024-03-05", "editor").then().statusCode(200).body("actualStart", equalTo("2024-03-05"));
        move(p, "SUSPENDED", "2024-06-01", "editor").then().statusCode(200);
        move(p, "IN_PROGRESS", "2024-07-01", "editor").then().statusCode(200).body("actualStart", equalTo("2024-03-05"));
        move(p, "COMPLETED", "2024-12-20", "editor").then().statusCode(200).body("actualEnd", equalTo("2024-12-20"));
        as("reader").get("/api/v1/projects/" + p + "/transitions").then().statusCode(200)
                .body("toStatus", contains("APPROVED", "IN_PROGRESS", "SUSPENDED", "IN_PROGRESS", "COMPLETED"))
                .body("changedOn", contains("2024-02-20", "2024-03-05", "2024-06-01", "2024-07-01", "2024-12-20"))
                .body("[0].fromStatus", equalTo("PIPELINE"));
        // a final status has no way out
        move(p, "IN_PROGRESS", "2024-12-21", "editor").then().spec(Problems.problem(422, "business-rule-violated"))
                .body("rule", equalTo("illegal-project-transition")).body("from", equalTo("COMPLETED"));
        assertEquals(5, AuditRecords.of(dataSource, "Project", p).stream().filter(r -> r.action().equals("STATUS_CHANGE")).count());
    }

    @Test
    void illegalTransitionsAndBadDatesAreRefusedWithTheirRule() {
        long p = newProject();
        move(p, "COMPLETED", "2024-03-01", "editor").then().spec(Problems.problem(422, "business-rule-violated"))
                .body("rule", equalTo("illegal-project-transition")).body("to", equalTo("COMPLETED"));
        move(p, "IN_PROGRESS", "2024-03-01", "editor").then().statusCode(422).body("rule", equalTo("illegal-project-transition"));
        // approving is the approver's: an editor may not
        move(p, "APPROVED", "2024-02-01", "editor").then().spec(Problems.problem(403, "forbidden"));
        String tomorrow = TestClock.today().plusDays(1).toString();
        move(p, "APPROVED", tomorrow, "approver").then().statusCode(422).body("rule", equalTo("transition-date-in-future"));
        move(p, "APPROVED", "2024-02-01", "approver").then().statusCode(200);
        move(p, "IN_PROGRESS", "2024-01-31", "editor").then().statusCode(422).body("rule", equalTo("transition-date-before-previous"));
        as("reader").get("/api/v1/projects/" + p).then().body("status", equalTo("APPROVED"));
        // a reader may not move a project at all
        move(p, "CANCELLED", "2024-02-02", "reader").then().spec(Problems.problem(403, "forbidden"));
        move(p, "CANCELLED", "2024-02-02", "editor").then().statusCode(200).body("actualEnd", equalTo("2024-02-02"));
    }

    @Test
    void aLeadMustBePairedWithTheCountyWhenTheProjectStarts() {
        long org = Api.organisation(Api.unique("东部协作城市"), "EASTERN_PARTNER");
        String body = "{\"countyCode\":\"" + COUNTY + "\",\"leadOrganisationId\":" + org + ",\"title\":\"未结对项目\",\"sector\":\"INDUSTRY\","
                + "\"term\":\"SHORT\",\"plannedStart\":\"2024-03-01\",\"plannedEnd\":\"2024-12-31\",\"budget\":10.00}";
        as("editor").body(body).post("/api/v1/projects").then().spec(Problems.problem(422, "business-rule-violated"))
                .body("rule", equalTo("lead-organisation-not-paired"));
        Api.pairing(org, COUNTY, "2024-04-01");
        as("editor").body(body).post("/api/v1/projects").then().statusCode(422).body("rule", equalTo("lead-organisation-not-paired"));
        as("editor").body(body.replace("2024-03-01", "2024-04-01")).post("/api/v1/projects").then().statusCode(201)
                .body("forceCode", equalTo("EAST_WEST_COOPERATION"));
        as("editor").body(body.replace("\"plannedEnd\":\"2024-12-31\"", "\"plannedEnd\":\"2023-12-31\"").replace("2024-03-01", "2024-04-01"))
                .post("/api/v1/projects").then().spec(Problems.problem(422, "validation-failed"))
                .body("violations[0].field", equalTo("plannedEnd"));
        as("editor").body(body.replace("\"budget\":10.00", "\"budget\":10.005")).post("/api/v1/projects")
                .then().spec(Problems.problem(422, "validation-failed")).body("violations[0].field", equalTo("budget"));
    }

    @Test
    void resultActualsAreRecordedPerPeriodWithIfMatch() {
        long p = newProject();
        String indicator = "{\"title\":\"新增就业岗位\",\"unit\":\"个\",\"baselineYear\":2023,\"baselineValue\":10.5,"
                + "\"periods\":[{\"periodStart\":\"2024-01-01\",\"periodEnd\":\"2024-06-30\",\"target\":40},"
                + "{\"periodStart\":\"2024-07-01\",\"periodEnd\":\"2024-12-31\",\"target\":80}]}";
        long id = as("editor").body(indicator).post("/api/v1/projects/" + p + "/results").then().statusCode(201)
                .body("version", equalTo(0)).body("periods[0].actual", nullValue()).extract().jsonPath().getLong("id");
        String withActual = indicator.replace("\"target\":40}", "\"target\":40,\"actual\":37}");
        as("editor").body(withActual).put("/api/v1/projects/" + p + "/results/" + id).then().spec(Problems.problem(428, "precondition-required"));
        as("editor").header("If-Match", "\"0\"").body(withActual).put("/api/v1/projects/" + p + "/results/" + id).then().statusCode(200)
                .body("periods[0].actual", equalTo(37.00f)).body("periods[1].actual", nullValue()).body("version", equalTo(1));
        as("editor").header("If-Match", "\"0\"").body(withActual).put("/api/v1/projects/" + p + "/results/" + id).then()
                .spec(Problems.problem(412, "precondition-failed"));
        as("editor").header("If-Match", "\"1\"").body(withActual.replace("\"periodEnd\":\"2024-06-30\"", "\"periodEnd\":\"2023-06-30\""))
                .put("/api/v1/projects/" + p + "/results/" + id).then().spec(Problems.problem(422, "validation-failed"))
                .body("violations[0].field", equalTo("periods[0].periodEnd"));
        as("editor").header("If-Match", "\"1\"").body(withActual).put("/api/v1/projects/" + (p + 100000) + "/results/" + id).then()
                .spec(Problems.problem(404, "not-found"));
        as("reader").get("/api/v1/projects/" + p + "/results").then().statusCode(200)
                .body("[0].baselineValue", equalTo(10.5f)).body("[0].periods[0].actual", equalTo(37.00f))
                .body("[0].periods[1].target", equalTo(80.00f));
        assertEquals(List.of("CREATE", "UPDATE"), AuditRecords.of(dataSource, "ResultIndicator", id).stream().map(AuditRecords.Row::action).toList());
    }

    @Test
    void updatesNeedTheCurrentETag() {
        long p = newProject();
        String etag = as("reader").get("/api/v1/projects/" + p).then().statusCode(200).extract().header("ETag");
        String update = "{\"title\":\"昭觉县花椒产业园（二期）\",\"sector\":\"INDUSTRY\",\"term\":\"MEDIUM\",\"keyProject\":true,"
                + "\"plannedStart\":\"2024-03-01\",\"plannedEnd\":\"2025-06-30\",\"budget\":2500000.50}";
        as("editor").body(update).put("/api/v1/projects/" + p).then().spec(Problems.problem(428, "precondition-required"));
        as("editor").header("If-Match", etag).body(update).put("/api/v1/projects/" + p).then().statusCode(200)
                .body("title", equalTo("昭觉县花椒产业园（二期）")).body("budget", equalTo(2500000.50f));
        as("editor").header("If-Match", etag).body(update).put("/api/v1/projects/" + p).then().spec(Problems.problem(412, "precondition-failed"));
        // a status change moves the ETag on too
        String etag2 = as("reader").get("/api/v1/projects/" + p).then().extract().header("ETag");
        move(p, "APPROVED", "2024-02-01", "approver").then().statusCode(200);
        as("editor").header("If-Match", etag2).body(update).put("/api/v1/projects/" + p).then().statusCode(412);
    }

    @Test
    void theIatiActivityCarriesRolesStatusDatesTransactionsAndResults() {
        long p = newProject();
        long partner = Api.organisation(Api.unique("在川央企"), "CENTRAL_SOE");
        as("editor").body("{\"title\":\"带动脱贫人口增收\",\"unit\":\"人\",\"baselineYear\":2023,\"baselineValue\":120,"
                + "\"periods\":[{\"periodStart\":\"2024-01-01\",\"periodEnd\":\"2024-12-31\",\"target\":300,\"actual\":280.5}]}")
                .post("/api/v1/projects/" + p + "/results").then().statusCode(201).body("periods[0].actual", equalTo(280.5f));
        move(p, "APPROVED", "2024-02-20", "approver").then().statusCode(200);
        move(p, "IN_PROGRESS", "2024-03-05", "editor").then().statusCode(200);
        Api.transaction(p, "COMMITMENT", "2024-03-06", "800000.00").then().statusCode(201);
        Api.transaction(p, "DISBURSEMENT", "2024-04-01", "300000.00").then().statusCode(201);
        Api.transaction(p, "EXPENDITURE", "2024-05-01", "120000.25").then().statusCode(201);
        // a partner is added through the project's creation only; here we check the lead's role and the rest
        String path = "/api/v1/projects/" + p;
        for (var r : new io.restassured.response.Response[]{
                given().header("Authorization", cn.sc.countyeconomy.api.testing.TestTokens.bearer("reader"))
                        .accept("application/vnd.iati+json").get(path),
                as("reader").get(path + "/iati")}) {
            r.then().statusCode(200)
                    .body("'iati-identifier'", equalTo("CN-SC-ASSIST-" + p))
                    .body("'activity-status'.code", equalTo("2"))
                    .body("'participating-org'[0].role", equalTo("2"))
                    .body("'participating-org'[0].type", equalTo("10"))
                    .body("'activity-date'.type", contains("1", "2", "3"))
                    .body("'activity-date'[1].'iso-date'", equalTo("2024-03-05"))
                    .body("location[0].administrative[0].code", equalTo(COUNTY))
                    .body("transaction.'transaction-type'.code", contains("2", "3", "4"))
                    .body("transaction[2].value.value", equalTo("120000.25"))
                    .body("transaction[2].value.currency", equalTo("CNY"))
                    .body("result[0].indicator[0].baseline.value", equalTo("120.00"))
                    .body("result[0].indicator[0].period[0].actual.value", equalTo("280.50"))
                    .body("result[0].indicator[0].title.narrative[0].text", equalTo("带动脱贫人口增收"));
        }
        // a project with a partner: role 1/3/4 as given
        Api.pairing(partner, COUNTY, "2024-01-01");
        long q = as("editor").body("{\"countyCode\":\"" + COUNTY + "\",\"leadOrganisationId\":" + lead + ",\"partners\":[{\"organisationId\":"
                + partner + ",\"role\":\"FUNDING\"}],\"title\":\"联合项目\",\"sector\":\"EMPLOYMENT\",\"term\":\"LONG\","
                + "\"plannedStart\":\"2024-03-01\",\"plannedEnd\":\"2027-12-31\",\"budget\":5.00}")
                .post("/api/v1/projects").then().statusCode(201).body("partners", hasSize(1)).extract().jsonPath().getLong("id");
        as("reader").get("/api/v1/projects/" + q + "/iati").then().statusCode(200)
                .body("'participating-org'.role", contains("2", "1"))
                .body("'participating-org'[1].type", equalTo("15"))
                .body("'activity-status'.code", equalTo("1"));
    }
}
