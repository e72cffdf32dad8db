package cn.sc.countyeconomy.assistance;

import cn.sc.countyeconomy.api.testing.Problems;
import cn.sc.countyeconomy.api.testing.TestTokens;
import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static cn.sc.countyeconomy.assistance.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 3 in this service: problem+json for each error class, paging, ETags, idempotency, auth. Only
 * through HTTP, so that {@link AssistanceConventionsIT} reruns it against the packaged jar; what
 * needs the database or the test clock is in the other test classes ({@link AuditTrailTest}).
 */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class ApiConventionsTest {

    @BeforeEach
    void registryFacts() {
        DesignatedCounties.install();
    }

    private static final String COUNTY = "513334";

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
                {"/api/v1/training-records",
                        "{\"countyCode\":\"" + COUNTY + "\",\"year\":2025,\"organiserName\":\"o\",\"peopleTrained\":5,\"kind\":\"OTHER\"}"}}) {
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
        as("admin").queryParam("resourceType", "AssistingOrganisation").queryParam("resourceId", first.jsonPath().getString("id"))
                .get("/api/v1/audit").then().statusCode(200).body("totalItems", equalTo(1));

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
                return as("editor").header("If-Match", "\"0\"").body("{\"name\":\"" + Api.unique("成都市A") + "\"}").put("/api/v1/organisations/" + id)
                        .statusCode();
            });
            var b = pool.submit(() -> {
                start.await();
                return as("editor").header("If-Match", "\"0\"").body("{\"name\":\"" + Api.unique("成都市B") + "\"}").put("/api/v1/organisations/" + id)
                        .statusCode();
            });
            start.countDown();
            assertEquals(Set.of(200, 412), Set.of(a.get(), b.get()));
        } finally {
            pool.shutdownNow();
        }
        as("reader").get("/api/v1/organisations/" + id).then().header("ETag", "\"1\"");
    }
}
