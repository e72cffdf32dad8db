package cn.sc.countyeconomy.registry;

import cn.sc.countyeconomy.api.testing.PostgresTestResource;
import cn.sc.countyeconomy.api.testing.Problems;
import cn.sc.countyeconomy.api.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The conventions of issue 3, as this service answers them. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class ApiConventionsTest {

    static final String READER = TestTokens.bearer("reader");
    static final String EDITOR = TestTokens.bearer("editor");
    static final String ADMIN = TestTokens.bearer("admin");

    private static String newTypeBody(String code, String name) {
        return "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"nameEn\":\"Test type\",\"description\":\"made by a test\"}";
    }

    private static String uniqueCode() {
        return "T_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    /** A designation type of this test's own, so that its designations do not change the reference counts. */
    @org.junit.jupiter.api.BeforeEach
    void testTypeExists() {
        given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"code\":\"CONVENTIONS_TEST\",\"name\":\"约定测试\",\"nameEn\":\"Conventions test\"}")
                .when().post("/api/v1/designation-types")
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(201), equalTo(409)));
    }

    private static long newDesignation(String county) {
        return given().header("Authorization", EDITOR).contentType("application/json")
                .body("{\"typeCode\":\"CONVENTIONS_TEST\",\"countyCode\":\"" + county + "\",\"validFrom\":\"2001-01-01\","
                        + "\"validTo\":\"2002-01-01\",\"sourceRef\":\"test\",\"note\":\"测试\"}")
                .when().post("/api/v1/designations")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    // ---- errors ---------------------------------------------------------------------------

    @Test
    void malformedJsonIs400ProblemWithItsPosition() {
        given().header("Authorization", ADMIN).contentType("application/json").body("{\"code\": \"X\",")
                .when().post("/api/v1/designation-types")
                .then().spec(Problems.problem(400, "malformed-request"));
    }

    @Test
    void wrongJsonTypeIs400NamingTheField() {
        given().header("Authorization", EDITOR).contentType("application/json")
                .body("{\"typeCode\":\"REFORM_PILOT\",\"countyCode\":\"510522\",\"validFrom\":\"not-a-date\",\"sourceRef\":\"x\"}")
                .when().post("/api/v1/designations")
                .then().spec(Problems.problem(400, "malformed-request"))
                .body("violations[0].field", equalTo("validFrom"));
    }

    @Test
    void unknownFieldIs400NamingIt() {
        given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"code\":\"ABC\",\"name\":\"x\",\"nameEn\":\"x\",\"colour\":\"red\"}")
                .when().post("/api/v1/designation-types")
                .then().spec(Problems.problem(400, "malformed-request"))
                .body("violations[0].field", equalTo("colour"));
    }

    @Test
    void failedValidationListsEachField() {
        given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"code\":\"lower case\",\"name\":\"\",\"nameEn\":\"ok\"}")
                .when().post("/api/v1/designation-types")
                .then().spec(Problems.problem(422, "validation-failed"))
                .body("violations.field", hasItem("code"))
                .body("violations.field", hasItem("name"));
    }

    @Test
    void queryParameterOfTheWrongTypeIs400() {
        given().header("Authorization", READER).when().get("/api/v1/counties?asOf=yesterday")
                .then().spec(Problems.problem(400, "invalid-parameter"));
        given().header("Authorization", READER).when().get("/api/v1/counties?page=first")
                .then().spec(Problems.problem(400, "invalid-parameter"))
                .body("violations[0].field", equalTo("page"));
    }

    @Test
    void notFoundMethodNotAllowedNotAcceptableUnsupportedMediaType() {
        given().header("Authorization", READER).when().get("/api/v1/no-such-thing")
                .then().spec(Problems.problem(404, "not-found"));
        given().header("Authorization", READER).when().get("/api/v1/counties/519999")
                .then().spec(Problems.problem(404, "not-found"));
        given().header("Authorization", ADMIN).when().delete("/api/v1/counties/510522")
                .then().spec(Problems.problem(405, "method-not-allowed"));
        given().header("Authorization", READER).accept("application/xml").when().get("/api/v1/counties/510522")
                .then().spec(Problems.problem(406, "not-acceptable"));
        given().header("Authorization", ADMIN).contentType("text/plain").body("hello")
                .when().post("/api/v1/designation-types")
                .then().spec(Problems.problem(415, "unsupported-media-type"));
    }

    @Test
    void conflictIs409() {
        String code = uniqueCode();
        given().header("Authorization", ADMIN).contentType("application/json").body(newTypeBody(code, "甲"))
                .when().post("/api/v1/designation-types").then().statusCode(201);
        given().header("Authorization", ADMIN).contentType("application/json").body(newTypeBody(code, "乙"))
                .when().post("/api/v1/designation-types")
                .then().spec(Problems.problem(409, "conflict"));
    }

    // ---- paging ---------------------------------------------------------------------------

    @Test
    void pageSizeAboveTheLimitAndUnknownSortAre400() {
        given().header("Authorization", READER).when().get("/api/v1/counties?size=501")
                .then().spec(Problems.problem(400, "invalid-parameter")).body("violations[0].field", equalTo("size"));
        given().header("Authorization", READER).when().get("/api/v1/counties?sort=population,desc")
                .then().spec(Problems.problem(400, "invalid-parameter")).body("detail", containsString("sort"));
        given().header("Authorization", READER).when().get("/api/v1/counties?size=500").then().statusCode(200);
    }

    @Test
    void pagesCarryTotalsAndLinkHeaders() {
        given().header("Authorization", READER).when().get("/api/v1/counties?size=50&page=1")
                .then().statusCode(200)
                .body("totalItems", equalTo(183))
                .body("totalPages", equalTo(4))
                .body("page", equalTo(1))
                .body("items.size()", equalTo(50))
                .header("X-Total-Count", "183")
                .header("Link", containsString("page=0&size=50>; rel=\"first\""))
                .header("Link", containsString("page=0&size=50>; rel=\"prev\""))
                .header("Link", containsString("page=2&size=50>; rel=\"next\""))
                .header("Link", containsString("page=3&size=50>; rel=\"last\""));
    }

    // ---- If-Match ------------------------------------------------------------------------

    @Test
    void updateWithoutIfMatchIs428AndWithAStaleOneIs412() {
        long id = newDesignation("511133");
        String correction = "{\"validFrom\":\"2001-01-01\",\"validTo\":\"2002-06-01\",\"sourceRef\":\"test\",\"reason\":\"typo\"}";
        given().header("Authorization", ADMIN).contentType("application/json").body(correction)
                .when().put("/api/v1/designations/" + id)
                .then().spec(Problems.problem(428, "precondition-required"));
        String etag = given().header("Authorization", READER).when().get("/api/v1/designations/" + id)
                .then().statusCode(200).extract().header("ETag");
        given().header("Authorization", ADMIN).header("If-Match", "\"999\"").contentType("application/json").body(correction)
                .when().put("/api/v1/designations/" + id)
                .then().spec(Problems.problem(412, "precondition-failed"));
        given().header("Authorization", ADMIN).header("If-Match", etag).contentType("application/json").body(correction)
                .when().put("/api/v1/designations/" + id)
                .then().statusCode(200).body("validTo", equalTo("2002-06-01"));
        // the ETag the first update answered to is now stale
        given().header("Authorization", ADMIN).header("If-Match", etag).contentType("application/json").body(correction)
                .when().put("/api/v1/designations/" + id)
                .then().spec(Problems.problem(412, "precondition-failed"));
    }

    @Test
    void twoConcurrentUpdatesWithTheSameETagMakeOneWinnerAndOne412() throws Exception {
        long id = newDesignation("511781");
        String etag = given().header("Authorization", READER).when().get("/api/v1/designations/" + id)
                .then().statusCode(200).extract().header("ETag");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Response>> answers = new ArrayList<>();
        for (String until : List.of("2001-07-01", "2001-08-01")) {
            Callable<Response> update = () -> {
                start.await();
                return given().header("Authorization", ADMIN).header("If-Match", etag).contentType("application/json")
                        .body("{\"validFrom\":\"2001-01-01\",\"validTo\":\"" + until + "\",\"sourceRef\":\"test\",\"reason\":\"race " + until + "\"}")
                        .when().put("/api/v1/designations/" + id);
            };
            answers.add(pool.submit(update));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        String winner = null;
        for (int i = 0; i < 2; i++) {
            Response r = answers.get(i).get();
            statuses.add(r.statusCode());
            if (r.statusCode() == 200) {
                winner = i == 0 ? "2001-07-01" : "2001-08-01";
            }
        }
        pool.shutdown();
        statuses.sort(Integer::compare);
        assertEquals(List.of(200, 412), statuses);
        // the stored state is the winner's, not a mix and not the loser's
        given().header("Authorization", READER).when().get("/api/v1/designations/" + id)
                .then().statusCode(200).body("validTo", equalTo(winner)).body("version", equalTo(1));
    }

    // ---- Idempotency-Key -----------------------------------------------------------------

    @Test
    void theSameKeyAndBodyReplaysTheFirstAnswerWithoutCreatingAgain() {
        String code = uniqueCode();
        String key = UUID.randomUUID().toString();
        Response first = given().header("Authorization", ADMIN).header("Idempotency-Key", key).contentType("application/json")
                .body(newTypeBody(code, "城乡融合")).when().post("/api/v1/designation-types");
        first.then().statusCode(201).header("Location", containsString("/api/v1/designation-types/" + code));
        int before = given().header("Authorization", READER).when().get("/api/v1/designation-types?size=500")
                .then().extract().jsonPath().getInt("totalItems");
        given().header("Authorization", ADMIN).header("Idempotency-Key", key).contentType("application/json")
                .body(newTypeBody(code, "城乡融合")).when().post("/api/v1/designation-types")
                .then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", equalTo(first.header("Location")))
                .body("code", equalTo(code))
                .body("name", equalTo("城乡融合"));
        given().header("Authorization", READER).when().get("/api/v1/designation-types?size=500")
                .then().body("totalItems", equalTo(before));
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        String key = UUID.randomUUID().toString();
        given().header("Authorization", ADMIN).header("Idempotency-Key", key).contentType("application/json")
                .body(newTypeBody(uniqueCode(), "甲")).when().post("/api/v1/designation-types").then().statusCode(201);
        given().header("Authorization", ADMIN).header("Idempotency-Key", key).contentType("application/json")
                .body(newTypeBody(uniqueCode(), "乙")).when().post("/api/v1/designation-types")
                .then().spec(Problems.problem(422, "idempotency-key-reused"));
    }

    // ---- who may do what -----------------------------------------------------------------

    @Test
    void missingExpiredOrForeignTokensAre401() {
        given().when().get("/api/v1/counties").then().spec(Problems.problem(401, "unauthenticated"))
                .header("WWW-Authenticate", "Bearer");
        given().header("Authorization", TestTokens.expiredBearer("reader")).when().get("/api/v1/counties")
                .then().spec(Problems.problem(401, "unauthenticated"));
        given().header("Authorization", TestTokens.foreignBearer("admin")).when().get("/api/v1/counties")
                .then().spec(Problems.problem(401, "unauthenticated"));
    }

    @Test
    void eachRoleMayDoOnlyItsOwnWrites() {
        String body = "{\"typeCode\":\"CONVENTIONS_TEST\",\"countyCode\":\"513432\",\"validFrom\":\"2003-01-01\","
                + "\"validTo\":\"2004-01-01\",\"sourceRef\":\"t\"}";
        for (String role : List.of("reader", "approver")) {
            given().header("Authorization", TestTokens.bearer(role)).contentType("application/json").body(body)
                    .when().post("/api/v1/designations").then().spec(Problems.problem(403, "forbidden"));
        }
        given().header("Authorization", EDITOR).contentType("application/json").body(newTypeBody(uniqueCode(), "x"))
                .when().post("/api/v1/designation-types").then().spec(Problems.problem(403, "forbidden"));
        given().header("Authorization", EDITOR).when().get("/api/v1/audit").then().spec(Problems.problem(403, "forbidden"));
        given().header("Authorization", TestTokens.bearer("approver")).when().get("/api/v1/counties/510522").then().statusCode(200);
    }

    @Test
    void aCountyScopedTokenWritesOnlyItsCounties() {
        String scoped = TestTokens.bearerForCounties(List.of("513433"), "editor");
        given().header("Authorization", scoped).contentType("application/json")
                .body("{\"typeCode\":\"CONVENTIONS_TEST\",\"countyCode\":\"513434\",\"validFrom\":\"2003-01-01\",\"validTo\":\"2004-01-01\",\"sourceRef\":\"t\"}")
                .when().post("/api/v1/designations").then().spec(Problems.problem(403, "forbidden"))
                .body("detail", containsString("513434"));
        given().header("Authorization", scoped).contentType("application/json")
                .body("{\"typeCode\":\"CONVENTIONS_TEST\",\"countyCode\":\"513433\",\"validFrom\":\"2003-01-01\",\"validTo\":\"2004-01-01\",\"sourceRef\":\"t\"}")
                .when().post("/api/v1/designations").then().statusCode(201);
    }

    // ---- audit and tracing ---------------------------------------------------------------

    @Test
    void everyWriteLeavesAnAuditRecordWithWhoWhatAndTheChange() {
        String code = uniqueCode();
        given().header("Authorization", ADMIN).header("X-Request-Id", "audit-" + code).contentType("application/json")
                .body(newTypeBody(code, "城乡融合试点")).when().post("/api/v1/designation-types").then().statusCode(201);
        given().header("Authorization", ADMIN)
                .when().get("/api/v1/audit?resourceType=DesignationType&resourceId=" + code)
                .then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].action", equalTo("CREATE"))
                .body("items[0].actor", equalTo("test-user"))
                .body("items[0].actorRoles", containsString("admin"))
                .body("items[0].requestId", equalTo("audit-" + code))
                .body("items[0].before", nullValue())
                .body("items[0].after.name", equalTo("城乡融合试点"))
                .body("items[0].occurredAt", notNullValue());

        // open-ended, on a county with no designation of this type (ending one already ended is refused)
        long id = given().header("Authorization", EDITOR).contentType("application/json")
                .body("{\"typeCode\":\"CONVENTIONS_TEST\",\"countyCode\":\"510104\",\"validFrom\":\"2001-01-01\",\"sourceRef\":\"test\"}")
                .when().post("/api/v1/designations").then().statusCode(201).extract().jsonPath().getLong("id");
        String etag = given().header("Authorization", READER).when().get("/api/v1/designations/" + id).then().extract().header("ETag");
        given().header("Authorization", EDITOR).header("If-Match", etag).contentType("application/json")
                .body("{\"endDate\":\"2001-06-01\",\"reason\":\"结束\"}")
                .when().post("/api/v1/designations/" + id + "/end").then().statusCode(200);
        given().header("Authorization", ADMIN)
                .when().get("/api/v1/audit?resourceType=Designation&resourceId=" + id + "&sort=id,asc")
                .then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items[0].action", equalTo("CREATE"))
                .body("items[1].action", equalTo("END"))
                .body("items[1].reason", equalTo("结束"))
                .body("items[1].before.validTo", nullValue())
                .body("items[1].after.validTo", equalTo("2001-06-01"));
    }

    @Test
    void auditRecordsCannotBeChangedOrDeletedThroughTheApi() {
        long anyId = given().header("Authorization", ADMIN).when().get("/api/v1/audit?size=1")
                .then().statusCode(200).body("totalItems", greaterThanOrEqualTo(0)).extract().jsonPath().getLong("items[0].id");
        given().header("Authorization", ADMIN).when().delete("/api/v1/audit/" + anyId)
                .then().spec(Problems.problem(405, "method-not-allowed"));
        given().header("Authorization", ADMIN).contentType("application/json").body("{}")
                .when().put("/api/v1/audit/" + anyId)
                .then().spec(Problems.problem(405, "method-not-allowed"));
    }

    @Test
    void aCountyReadRightAfterAWriteShowsTheWrite() {
        // read twice, so the second answer comes from the assembled-view cache
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", READER).when().get("/api/v1/counties/510107")
                    .then().statusCode(200).body("designations.typeCode", org.hamcrest.Matchers.not(hasItem("CONVENTIONS_TEST")));
        }
        given().header("Authorization", EDITOR).contentType("application/json")
                .body("{\"typeCode\":\"CONVENTIONS_TEST\",\"countyCode\":\"510107\",\"validFrom\":\"2001-01-01\",\"sourceRef\":\"test\"}")
                .when().post("/api/v1/designations").then().statusCode(201);
        given().header("Authorization", READER).when().get("/api/v1/counties/510107")
                .then().statusCode(200).body("designations.typeCode", hasItem("CONVENTIONS_TEST"));
    }

    @Test
    void aClientRequestIdIsKeptAndOneIsMadeOtherwise() {
        given().header("Authorization", READER).header("X-Request-Id", "trace-42")
                .when().get("/api/v1/counties/510522").then().statusCode(200).header("X-Request-Id", "trace-42");
        given().header("Authorization", READER)
                .when().get("/api/v1/counties/510522").then().statusCode(200).header("X-Request-Id", notNullValue());
    }
}
