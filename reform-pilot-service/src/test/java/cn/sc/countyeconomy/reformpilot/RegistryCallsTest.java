package cn.sc.countyeconomy.reformpilot;

import cn.sc.countyeconomy.api.testing.Problems;
import cn.sc.countyeconomy.registry.client.RegistryCounty;
import cn.sc.countyeconomy.registry.client.RegistryDesignation;
import cn.sc.countyeconomy.registry.client.testing.RegistryStub;
import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The service's calls to county-registry-service, against a WireMock stub. */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class RegistryCallsTest extends ApiTest {

    @Test
    void nominationOfAnActiveCountyTakesItsNameFromTheRegistry() {
        // the stub's default: 510522 合江县 of 泸州市, ACTIVE
        long program = newProgram();
        nominateRaw(program, "510522", "2024-01-10", EDITOR).statusCode(201)
                .header("Location", containsString("/api/v1/pilots/"))
                .body("status", org.hamcrest.Matchers.equalTo("NOMINATED"))
                .body("countyName", org.hamcrest.Matchers.equalTo("合江县"))
                .body("prefectureName", org.hamcrest.Matchers.equalTo("泸州市"))
                .body("nominatedOn", org.hamcrest.Matchers.equalTo("2024-01-10"));
        registry.verify(getRequestedFor(urlPathEqualTo("/api/v1/counties/510522"))
                .withQueryParam("asOf", equalTo("2024-01-10"))
                .withHeader("Authorization", matching("Bearer .+")));
    }

    @Test
    void nominationOfARetiredCountyIsRefusedNamingItsSuccessor() {
        RegistryStub.counties(List.of(new RegistryCounty("510122", "双流县", null, "COUNTY", null, "510100", "成都市", null, null,
                LocalDate.of(1983, 1, 1), LocalDate.of(2016, 5, 31), RegistryCounty.RETIRED,
                List.of(new RegistryCounty.CodeName("510116", "双流区")), List.of(), null, List.of(), 0)));
        long program = newProgram();
        nominateRaw(program, "510122", "2024-01-10", EDITOR).spec(Problems.problem(422, "business-rule-violated"))
                .body("rule", org.hamcrest.Matchers.equalTo("county-not-active"))
                .body("registryStatus", org.hamcrest.Matchers.equalTo("RETIRED"))
                .body("detail", containsString("510116 双流区"));
        assertNoPilotOf(program);
    }

    @Test
    void nominationOfAnUnknownCountyIsRefused() {
        // the stub's default for a code it does not know: a 404 problem
        long program = newProgram();
        nominateRaw(program, "519999", "2024-01-10", EDITOR).spec(Problems.problem(422, "business-rule-violated"))
                .body("rule", org.hamcrest.Matchers.equalTo("county-unknown"))
                .body("detail", containsString("519999"));
        assertNoPilotOf(program);
    }

    @Test
    void nominationWhileTheRegistryIsDownIs503AndWritesNothing() {
        long program = newProgram();
        RegistryStub.down();
        nominateRaw(program, "511124", "2024-01-10", EDITOR).spec(Problems.problem(503, "dependency-unavailable"))
                .header("Retry-After", "30");
        assertNoPilotOf(program);
    }

    @Test
    void approvalPostsTheDesignationWithTheServiceTokenAndStoresItsId() {
        registry.stubFor(post(urlPathEqualTo("/api/v1/designations")).atPriority(1)
                .willReturn(RegistryStub.json(201, RegistryStub.designation(4711, RegistryDesignation.REFORM_PILOT, "510524", "叙永县",
                        LocalDate.of(2024, 2, 1), null))));
        long program = newProgram();
        long id = nominate(program, "510524");
        transitionRaw(id, "APPROVED", "2024-02-01", APPROVER).statusCode(200)
                .body("designationId", org.hamcrest.Matchers.equalTo(4711));
        registry.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/designations"))
                .withHeader("Authorization", matching("Bearer [A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"))
                .withHeader("Idempotency-Key", equalTo("pilot-" + id + "-approve"))
                .withRequestBody(equalToJson("""
                    {"typeCode":"REFORM_PILOT","countyCode":"510524","validFrom":"2024-02-01","validTo":null,
                     "sourceRef":"reform-pilot-service/pilots/%d","note":"测试改革试点项目（第1批）"}""".formatted(id))));
        // the service identity carries editor (the registry needs it to add designations)
        String auth = registry.findAll(postRequestedFor(urlPathEqualTo("/api/v1/designations"))).get(0).getHeader("Authorization");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(auth.substring(7).split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        org.hamcrest.MatcherAssert.assertThat(payload, containsString("\"editor\""));
        org.hamcrest.MatcherAssert.assertThat(payload, containsString("service:reform-pilot-service"));
    }

    @Test
    void withdrawalEndsTheDesignationOnTheWithdrawalDate() {
        RegistryDesignation recorded = new RegistryDesignation(5150L, RegistryDesignation.REFORM_PILOT, "510525", "古蔺县",
                LocalDate.of(2024, 2, 1), null, "LISTED", "reform-pilot-service", null, 7);
        registry.stubFor(post(urlPathEqualTo("/api/v1/designations")).atPriority(1)
                .willReturn(RegistryStub.json(201, new RegistryDesignation(5150L, recorded.typeCode(), recorded.countyCode(),
                        recorded.countyName(), recorded.validFrom(), null, "LISTED", "reform-pilot-service", null, 0))));
        RegistryStub.designations(List.of(recorded));
        long program = newProgram();
        long id = pilotIn(program, "510525", "IMPLEMENTING");
        transitionRaw(id, "WITHDRAWN", "2024-06-30", EDITOR).statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("WITHDRAWN"));
        registry.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/designations/5150/end"))
                .withHeader("If-Match", equalTo("\"7\""))
                .withHeader("Authorization", matching("Bearer .+"))
                .withRequestBody(equalToJson("{\"endDate\":\"2024-06-30\",\"reason\":\"依据会议纪要：WITHDRAWN\"}")));
    }

    @Test
    void registryDownReadsWorkApprovalIs503AndNothingIsWritten() {
        long program = newProgram();
        long id = nominate(program, "511126");
        long version = version(id);
        long audits = auditCount("Pilot", id);
        RegistryStub.down();

        transitionRaw(id, "APPROVED", "2024-02-01", APPROVER).spec(Problems.problem(503, "dependency-unavailable"))
                .header("Retry-After", "30").body("retryAfterSeconds", org.hamcrest.Matchers.equalTo(30))
                .body("detail", containsString("nothing was written"));

        // reads keep working, and the pilot is exactly as before
        given().header("Authorization", READER).when().get("/api/v1/pilots/" + id).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("NOMINATED"))
                .body("designationId", org.hamcrest.Matchers.nullValue())
                .body("history", hasSize(1));
        assertEquals(version, version(id));
        assertEquals(audits, auditCount("Pilot", id));
        given().header("Authorization", READER).when().get("/api/v1/programs/" + program + "/dashboard").then().statusCode(200);
        given().header("Authorization", READER).when().get("/api/v1/counties/511126/pilots").then().statusCode(200)
                .body("pilots.status", org.hamcrest.Matchers.hasItem("NOMINATED"));

        // once it is back, the same request succeeds (the breaker is reset as a recovered registry would close it)
        RegistryStub.reset();
        io.smallrye.faulttolerance.api.CircuitBreakerMaintenance.get().resetAll();
        transitionRaw(id, "APPROVED", "2024-02-01", APPROVER).statusCode(200).body("status", org.hamcrest.Matchers.equalTo("APPROVED"));
        registry.verify(postRequestedFor(urlPathEqualTo("/api/v1/designations")).withHeader("Idempotency-Key", equalTo("pilot-" + id + "-approve")));
        org.hamcrest.MatcherAssert.assertThat(auditCount("Pilot", id), greaterThan(audits));
    }

    @Test
    void registryAnsweringServerErrorsIsTreatedAsDown() {
        long program = newProgram();
        long id = nominate(program, "511129");
        registry.stubFor(post(urlPathEqualTo("/api/v1/designations")).atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("boom")));
        transitionRaw(id, "APPROVED", "2024-02-01", APPROVER).spec(Problems.problem(503, "dependency-unavailable"))
                .header("Retry-After", "30");
        assertEquals("NOMINATED", status(id));
    }

    @Test
    void aRegistryRefusalIsPassedOnAndNothingIsWritten() {
        long program = newProgram();
        long id = nominate(program, "511132");
        registry.stubFor(post(urlPathEqualTo("/api/v1/designations")).atPriority(1)
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":409,\"detail\":\"County 511132 has an overlapping REFORM_PILOT designation\"}")));
        transitionRaw(id, "APPROVED", "2024-02-01", APPROVER).spec(Problems.problem(409, "conflict"))
                .body("detail", containsString("overlapping REFORM_PILOT designation"));
        assertEquals("NOMINATED", status(id));
    }

    @Test
    void withdrawalWhileTheRegistryIsDownIs503AndKeepsThePilot() {
        long program = newProgram();
        long id = pilotIn(program, "511133", "APPROVED");
        RegistryStub.down();
        transitionRaw(id, "WITHDRAWN", "2024-03-01", EDITOR).spec(Problems.problem(503, "dependency-unavailable"));
        assertEquals("APPROVED", status(id));
    }

    @Test
    void twoConcurrentApprovalsWithOneETagWriteOneDesignation() throws Exception {
        long program = newProgram();
        for (int round = 0; round < 3; round++) {
            long id = nominate(program, RegistryStub.sichuan().get(round).code());
            String etag = "\"" + version(id) + "\"";
            var start = new java.util.concurrent.CountDownLatch(1);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            List<java.util.concurrent.Future<io.restassured.response.Response>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().header("Authorization", APPROVER).header("If-Match", etag).contentType(ContentType.JSON)
                            .body(Map.of("to", "APPROVED", "date", "2024-02-01", "reason", "省级批复"))
                            .when().post("/api/v1/pilots/" + id + "/transitions");
                }));
            }
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var f : answers) {
                statuses.add(f.get().statusCode());
            }
            pool.shutdown();
            statuses.sort(Integer::compare);
            assertEquals(List.of(200, 412), statuses);
            assertEquals("APPROVED", status(id));
            // the loser lost at the version check, before it could call the registry
            registry.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/designations"))
                    .withHeader("Idempotency-Key", equalTo("pilot-" + id + "-approve")));
        }
    }

    @Test
    void theRequestIdTravelsToTheRegistry() {
        long program = newProgram();
        long id = nominate(program, "511304");
        given().header("Authorization", APPROVER).header("If-Match", "\"" + version(id) + "\"").header("X-Request-Id", "trace-hejiang-approval-1")
                .contentType(ContentType.JSON).body(Map.of("to", "APPROVED", "date", "2024-02-01", "reason", "省级批复"))
                .when().post("/api/v1/pilots/" + id + "/transitions").then().statusCode(200);
        registry.verify(postRequestedFor(urlPathEqualTo("/api/v1/designations")).withHeader("X-Request-Id", equalTo("trace-hejiang-approval-1")));
    }

    @Test
    void rejectionEndsTheDesignationAndAcceptanceKeepsIt() {
        long program = newProgram();
        long rejected = pilotIn(program, "511322", "REJECTED");
        long accepted = pilotIn(program, "511323", "ACCEPTED");
        long rejectedDesignation = given().header("Authorization", READER).when().get("/api/v1/pilots/" + rejected)
                .then().extract().jsonPath().getLong("designationId");
        long acceptedDesignation = given().header("Authorization", READER).when().get("/api/v1/pilots/" + accepted)
                .then().extract().jsonPath().getLong("designationId");
        registry.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/designations/" + rejectedDesignation + "/end"))
                .withRequestBody(equalToJson("{\"endDate\":\"2024-09-15\",\"reason\":\"依据会议纪要：REJECTED\"}")));
        registry.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/designations/" + acceptedDesignation + "/end")));
    }

    private static void assertNoPilotOf(long program) {
        given().header("Authorization", READER).queryParam("programId", program).when().get("/api/v1/pilots")
                .then().statusCode(200).body("totalItems", org.hamcrest.Matchers.equalTo(0));
        given().header("Authorization", ADMIN).queryParam("resourceType", "Pilot").queryParam("action", "NOMINATE")
                .queryParam("size", 500).queryParam("sort", "id,desc")
                .when().get("/api/v1/audit").then().statusCode(200)
                .body("items.findAll { it.after.programId == " + program + " }", hasSize(0));
    }
}
