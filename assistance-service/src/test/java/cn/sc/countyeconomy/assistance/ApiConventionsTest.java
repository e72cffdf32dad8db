package cn.sc.countyeconomy.assistance;

import cn.sc.countyeconomy.api.testing.Problems;
import cn.sc.countyeconomy.api.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static cn.sc.countyeconomy.assistance.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 3 in this service: problem+json for each error class, paging, ETags, idempotency, auth, audit. */
@QuarkusTest
class ApiConventionsTest {

    private static final String COUNTY = "513334";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyErrorClassIsAProblem() {
        as("editor").body("{\"name\": \"缺引号").post("/api/v1/organisations").then().spec(Problems.problem(400, "malformed-request"));
        as("editor").body("{\"name\":\"x\",\"kind\":\"PROVINCIAL_DEPARTMENT\",\"colour\":\"red\"}").post("/api/v1/organisations")
                .then().spec(Problems.problem(400, "malformed-request")).body("violations[0].field", equalTo("colour"));
        as("reader").queryParam("leadOrganisationId", "abc").get("/api/v1/projects")
                .then().spec(Problems.problem(400, "invalid-parameter")).body("detail", containsString("leadOrganisationId"));
        as("reader").queryParam("status", "FINISHED").get("/api/v1/projects")
                .then().spec(Problems.problem(400, "invalid-parameter")).body("detail", containsString("status"));
        as("reader").queryParam("page", "first").get("/api/v1/projects").then().spec(Problems.problem(400, "invalid-parameter"));
        as("reader").get("/api/v1/no-such-thing").then().spec(Problems.problem(404, "not-found"));
        as("reader").get("/api/v1/organisations/987654321").then().spec(Problems.problem(404, "not-found"));
        as("editor").delete("/api/v1/organisations").then().spec(Problems.problem(405, "method-not-allowed"));
        given().header("Authorization", TestTokens.bearer("reader")).accept("application/xml").get("/api/v1/organisations")
                .then().spec(Problems.problem(406, "not-acceptable"));
        given().header("Authorization", TestTokens.bearer("editor")).contentType(ContentType.TEXT).body("name=x")
                .post("/api/v1/organisations").then().spec(Problems.problem(415, "unsupported-media-type"));
        as("editor").body("{\"kind\":\"PROVINCIAL_DEPARTMENT\"}").post("/api/v1/organisations")
                .then().spec(Problems.problem(422, "validation-failed")).body("violations[0].field", equalTo("name"));
        String name = Api.unique("四川省农业农村厅");
        Api.organisation(name, "PROVINCIAL_DEPARTMENT");
        as("editor").body("{\"name\":\"" + name + "\",\"kind\":\"PROVINCIAL_DEPARTMENT\"}").post("/api/v1/organisations")
                .then().spec(Problems.problem(409, "conflict"));
        as("editor").body("{\"name\":\"" + Api.unique("某企业") + "\",\"kind\":\"CENTRAL_SOE\",\"forceCode\":\"PROVINCIAL_SOE\"}")
                .post("/api/v1/organisations").then().spec(Problems.problem(422, "business-rule-violated"))
                .body("rule", equalTo("organisation-kind-force-mismatch"));
    }

    @Test
    void withoutAValidTokenEverythingIs401ButHealthAndOpenApi() {
        given().get("/api/v1/organisations").then().spec(Problems.problem(401, "unauthenticated")).header("WWW-Authenticate", containsString("Bearer"));
        given().header("Authorization", TestTokens.expiredBearer("reader")).get("/api/v1/organisations").then().spec(Problems.problem(401, "unauthenticated"));
        given().header("Authorization", TestTokens.foreignBearer("admin")).get("/api/v1/organisations").then().spec(Problems.problem(401, "unauthenticated"));
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/pairings").then().spec(Problems.problem(401, "unauthenticated"));
        given().get("/q/health/ready").then().statusCode(200);
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'/api/v1/projects/{id}/transactions'.post.responses.'422'", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/counties/{code}/effectiveness'.get.summary", not(org.hamcrest.Matchers.emptyOrNullString()));
    }

    @Test
    void rolesAndCountyScopesAre403() {
        as("reader").body("{\"name\":\"x\",\"kind\":\"PROVINCIAL_DEPARTMENT\"}").post("/api/v1/organisations").then().spec(Problems.problem(403, "forbidden"));
        as("editor").get("/api/v1/audit").then().spec(Problems.problem(403, "forbidden"));
        as("editor").post("/api/v1/demo-data").then().spec(Problems.problem(403, "forbidden"));
        as("approver").body("{\"countyCode\":\"" + COUNTY + "\",\"title\":\"t\",\"responsibleUnit\":\"u\",\"deadline\":\"2030-01-01\"}")
                .post("/api/v1/tasks").then().spec(Problems.problem(403, "forbidden"));
        var scoped = given().header("Authorization", TestTokens.bearerForCounties(List.of("513431"), "editor")).contentType(ContentType.JSON);
        scoped.body("{\"name\":\"x\",\"kind\":\"PROVINCIAL_DEPARTMENT\"}").post("/api/v1/organisations").then().spec(Problems.problem(403, "forbidden"));
        for (String[] write : new String[][]{
                {"/api/v1/tasks", "{\"countyCode\":\"" + COUNTY + "\",\"title\":\"t\",\"responsibleUnit\":\"u\",\"deadline\":\"2030-01-01\"}"},
                {"/api/v1/training-records", "{\"countyCode\":\"" + COUNTY + "\",\"year\":2025,\"organiserName\":\"o\",\"peopleTrained\":5,\"kind\":\"OTHER\"}"}}) {
            given().header("Authorization", TestTokens.bearerForCounties(List.of("513431"), "editor")).contentType(ContentType.JSON)
                    .body(write[1]).post(write[0]).then().spec(Problems.problem(403, "forbidden"))
                    .body("detail", containsString(COUNTY));
        }
        // a project of another county cannot receive transactions from a scoped token
        long org = Api.organisation(Api.unique("省直部门"), "PROVINCIAL_DEPARTMENT");
        Api.pairing(org, COUNTY, "2024-01-01");
        long p = Api.project(org, COUNTY, "2024-02-01", "2024-12-31", false, "SHORT");
        given().header("Authorization", TestTokens.bearerForCounties(List.of("513431"), "editor")).contentType(ContentType.JSON)
                .body("{\"type\":\"COMMITMENT\",\"date\":\"2024-03-01\",\"amount\":1.00,\"providerName\":\"a\",\"receiverName\":\"b\"}")
                .post("/api/v1/projects/" + p + "/transactions").then().spec(Problems.problem(403, "forbidden"));
        given().header("Authorization", TestTokens.bearerForCounties(List.of(COUNTY), "editor")).contentType(ContentType.JSON)
                .body("{\"type\":\"COMMITMENT\",\"date\":\"2024-03-01\",\"amount\":1.00,\"providerName\":\"a\",\"receiverName\":\"b\"}")
                .post("/api/v1/projects/" + p + "/transactions").then().statusCode(201);
    }

    @Test
    void pagingHasLimitsLinksAndWhitelistedSorting() {
        String kind = "EASTERN_PARTNER";
        for (int i = 0; i < 3; i++) {
            Api.organisation(Api.unique("江苏省城市" + i), kind);
        }
        var r = as("reader").queryParam("kind", kind).queryParam("size", "1").queryParam("page", "1").get("/api/v1/organisations")
                .then().statusCode(200).body("items", hasSize(1)).body("page", equalTo(1)).body("size", equalTo(1)).extract();
        long total = Long.parseLong(r.header("X-Total-Count"));
        assertTrue(total >= 3);
        String link = r.header("Link");
        assertTrue(link.contains("rel=\"first\"") && link.contains("rel=\"prev\"") && link.contains("rel=\"next\"") && link.contains("rel=\"last\""), link);
        assertTrue(link.contains("page=2") && link.contains("kind=EASTERN_PARTNER") && link.contains("page=" + (total - 1)), link);
        as("reader").queryParam("size", "501").get("/api/v1/organisations").then().spec(Problems.problem(400, "invalid-parameter"))
                .body("detail", containsString("size"));
        as("reader").queryParam("size", "0").get("/api/v1/tasks").then().spec(Problems.problem(400, "invalid-parameter"));
        as("reader").queryParam("size", "500").get("/api/v1/projects").then().statusCode(200);
        as("reader").queryParam("sort", "password,asc").get("/api/v1/organisations").then().spec(Problems.problem(400, "invalid-parameter"))
                .body("detail", containsString("sortable fields"));
        as("reader").queryParam("sort", "name,sideways").get("/api/v1/organisations").then().spec(Problems.problem(400, "invalid-parameter"));
        List<String> names = as("reader").queryParam("kind", kind).queryParam("sort", "name,desc").queryParam("size", "500")
                .get("/api/v1/organisations").then().statusCode(200).extract().jsonPath().getList("items.name", String.class);
        List<String> sorted = names.stream().sorted(java.util.Comparator.reverseOrder()).toList();
        assertEquals(sorted, names);
    }

    @Test
    void idempotencyKeyReplaysAndRefusesReuseWithAnotherBody() {
        String name = Api.unique("广东省佛山市");
        String key = Api.unique("key");
        String body = "{\"name\":\"" + name + "\",\"kind\":\"EASTERN_PARTNER\"}";
        var first = as("editor").header("Idempotency-Key", key).body(body).post("/api/v1/organisations").then().statusCode(201).extract();
        as("editor").header("Idempotency-Key", key).body(body).post("/api/v1/organisations").then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location"))
                .body("id", equalTo(first.jsonPath().getInt("id")));
        as("editor").header("Idempotency-Key", key).body(body.replace("EASTERN_PARTNER", "PAIRED_CITY")).post("/api/v1/organisations")
                .then().spec(Problems.problem(422, "idempotency-key-reused"));
        assertEquals(1, AuditRecords.of(dataSource, "AssistingOrganisation", first.jsonPath().getLong("id")).size());

        // money: a retried disbursement is not paid twice
        long org = Api.organisation(Api.unique("省直部门"), "PROVINCIAL_DEPARTMENT");
        Api.pairing(org, COUNTY, "2024-01-01");
        long p = Api.project(org, COUNTY, "2024-02-01", "2024-12-31", false, "SHORT");
        Api.transaction(p, "COMMITMENT", "2024-03-01", "100.00").then().statusCode(201);
        String tx = "{\"type\":\"DISBURSEMENT\",\"date\":\"2024-03-02\",\"amount\":80.00,\"providerName\":\"省财政厅\",\"receiverName\":\"县财政局\"}";
        String txKey = Api.unique("tx");
        long id = as("editor").header("Idempotency-Key", txKey).body(tx).post("/api/v1/projects/" + p + "/transactions")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        as("editor").header("Idempotency-Key", txKey).body(tx).post("/api/v1/projects/" + p + "/transactions")
                .then().statusCode(201).body("id", equalTo((int) id)).header("Idempotent-Replayed", "true");
        as("reader").queryParam("type", "DISBURSEMENT").get("/api/v1/projects/" + p + "/transactions").then().body("totalItems", equalTo(1));
    }

    @Test
    void organisationUpdatesNeedIfMatchAndARaceLosesNoUpdate() throws Exception {
        long id = Api.organisation(Api.unique("省内结对市"), "PAIRED_CITY");
        as("editor").body("{\"name\":\"" + Api.unique("成都市") + "\"}").put("/api/v1/organisations/" + id)
                .then().spec(Problems.problem(428, "precondition-required"));
        as("editor").header("If-Match", "\"5\"").body("{\"name\":\"" + Api.unique("成都市") + "\"}").put("/api/v1/organisations/" + id)
                .then().spec(Problems.problem(412, "precondition-failed"));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            var a = pool.submit(() -> {
                start.await();
                return as("editor").header("If-Match", "\"0\"").body("{\"name\":\"" + Api.unique("成都市A") + "\"}").put("/api/v1/organisations/" + id).statusCode();
            });
            var b = pool.submit(() -> {
                start.await();
                return as("editor").header("If-Match", "\"0\"").body("{\"name\":\"" + Api.unique("成都市B") + "\"}").put("/api/v1/organisations/" + id).statusCode();
            });
            start.countDown();
            assertEquals(Set.of(200, 412), Set.of(a.get(), b.get()));
        } finally {
            pool.shutdownNow();
        }
        as("reader").get("/api/v1/organisations/" + id).then().header("ETag", "\"1\"");
    }

    @Test
    void everyKindOfWriteLeavesAnAuditRecordWithTheActor() {
        long org = Api.organisation(Api.unique("四川省商务厅"), "PROVINCIAL_DEPARTMENT");
        as("editor").header("If-Match", "\"0\"").body("{\"name\":\"" + Api.unique("四川省商务厅（更名）") + "\"}").put("/api/v1/organisations/" + org).then().statusCode(200);
        long pairing = Api.pairing(org, COUNTY, "2024-01-01");
        long soe = Api.organisation(Api.unique("四川省铁路产业投资集团"), "PROVINCIAL_SOE");
        long agreement = as("editor").body("{\"organisationId\":" + soe + ",\"countyCode\":\"" + COUNTY + "\",\"title\":\"共同富裕协议\","
                        + "\"termStart\":\"2024-01-01\",\"termEnd\":\"2026-12-31\",\"annualSharePercent\":12.5,\"keyIndustries\":[\"牦牛养殖\"]}")
                .post("/api/v1/agreements").then().statusCode(201).extract().jsonPath().getLong("id");
        as("approver").header("If-Match", "\"0\"").body("{\"status\":\"SIGNED\",\"date\":\"2024-01-05\"}").post("/api/v1/agreements/" + agreement + "/status").then().statusCode(200);
        long p = Api.project(org, COUNTY, "2024-02-01", "2024-12-31", true, "SHORT");
        as("editor").header("If-Match", "\"0\"").body("{\"title\":\"更名项目\",\"sector\":\"HEALTH\",\"term\":\"SHORT\",\"keyProject\":true,"
                + "\"plannedStart\":\"2024-02-01\",\"plannedEnd\":\"2024-12-31\",\"budget\":1.00}").put("/api/v1/projects/" + p).then().statusCode(200);
        Api.transition(p, "APPROVED", "2024-01-30");
        long indicator = as("editor").body("{\"title\":\"新增就业\",\"unit\":\"人\",\"baselineYear\":2023,\"baselineValue\":0,"
                + "\"periods\":[{\"periodStart\":\"2024-01-01\",\"periodEnd\":\"2024-12-31\",\"target\":50}]}")
                .post("/api/v1/projects/" + p + "/results").then().statusCode(201).extract().jsonPath().getLong("id");
        long tx = Api.transaction(p, "COMMITMENT", "2024-02-01", "5.00").then().statusCode(201).extract().jsonPath().getLong("id");
        long training = as("editor").body("{\"countyCode\":\"" + COUNTY + "\",\"year\":2024,\"organiserName\":\"县人社局\",\"peopleTrained\":40,\"kind\":\"OTHER\"}")
                .post("/api/v1/training-records").then().statusCode(201).extract().jsonPath().getLong("id");
        long cadre = as("editor").body("{\"countyCode\":\"" + COUNTY + "\",\"organisationId\":" + org + ",\"kind\":\"MENTORING\",\"periodStart\":\"2024-03-01\","
                + "\"periodEnd\":\"2024-08-31\",\"people\":2}").post("/api/v1/cadre-exchanges").then().statusCode(201).extract().jsonPath().getLong("id");
        long task = as("editor").body("{\"countyCode\":\"" + COUNTY + "\",\"title\":\"审计整改\",\"responsibleUnit\":\"县审计局\",\"deadline\":\"2030-01-01\"}")
                .post("/api/v1/tasks").then().statusCode(201).extract().jsonPath().getLong("id");
        as("editor").header("If-Match", "\"0\"").body("{\"title\":\"审计整改\",\"responsibleUnit\":\"县审计局\",\"deadline\":\"2030-01-01\",\"status\":\"IN_PROGRESS\"}")
                .put("/api/v1/tasks/" + task).then().statusCode(200);
        as("editor").header("If-Match", "\"1\"").delete("/api/v1/tasks/" + task).then().statusCode(204);

        assertActions("AssistingOrganisation", org, "CREATE", "UPDATE");
        assertActions("Pairing", pairing, "CREATE");
        assertActions("Agreement", agreement, "CREATE", "STATUS_CHANGE");
        assertActions("Project", p, "CREATE", "UPDATE", "STATUS_CHANGE");
        assertActions("ResultIndicator", indicator, "CREATE");
        assertActions("FundTransaction", tx, "CREATE");
        assertActions("TrainingRecord", training, "CREATE");
        assertActions("CadreExchange", cadre, "CREATE");
        assertActions("Task", task, "CREATE", "UPDATE", "DELETE");
        var update = AuditRecords.of(dataSource, "Task", task).get(1);
        assertTrue(update.before().contains("OPEN") && update.after().contains("IN_PROGRESS"), update.toString());
        assertTrue(!update.after().contains("responsibleUnit"), "only changed fields are kept: " + update.after());
        // and the admin reads the same trail through the API
        as("admin").queryParam("resourceType", "Task").queryParam("resourceId", String.valueOf(task)).queryParam("sort", "id,asc")
                .get("/api/v1/audit").then().statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items.action", contains("CREATE", "UPDATE", "DELETE"))
                .body("items[1].after.status", equalTo("IN_PROGRESS"))
                .body("items[0].actor", equalTo("test-user"));
        var agreementChange = AuditRecords.of(dataSource, "Agreement", agreement).get(1);
        assertTrue(agreementChange.after().contains("SIGNED") && agreementChange.actor().equals("test-user"), agreementChange.toString());
    }

    private void assertActions(String type, long id, String... actions) {
        var rows = AuditRecords.of(dataSource, type, id);
        assertEquals(List.of(actions), rows.stream().map(AuditRecords.Row::action).collect(Collectors.toList()), type + " " + id);
        assertTrue(rows.stream().allMatch(r -> r.actor().equals("test-user")), rows.toString());
    }
}
