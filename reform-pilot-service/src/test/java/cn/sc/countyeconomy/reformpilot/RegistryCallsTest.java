package cn.sc.countyeconomy.reformpilot;

import cn.sc.countyeconomy.api.testing.Problems;
import cn.sc.countyeconomy.registry.client.RegistryCounty;
import cn.sc.countyeconomy.registry.client.RegistryDesignation;
import cn.sc.countyeconomy.registry.client.RegistryFollower;
import cn.sc.countyeconomy.registry.client.testing.RegistryStub;
import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The service's calls to county-registry-service, against a WireMock stub. */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class RegistryCallsTest extends ApiTest {

    /**
     * Changed on purpose (issue 14): the county is read from the local copy of the registry's facts, so the
     * nomination no longer calls {@code GET /counties/{code}}; the name still is the registry's.
     */
    @Test
    void nominationOfAnActiveCountyTakesItsNameFromTheRegistrysFactsWithoutCallingIt() {
        // the stub's default: 510522 合江县 of 泸州市, ACTIVE, loaded into the copy by the stub's reset
        long program = newProgram();
        registry.resetRequests();
        nominateRaw(program, "510522", "2024-01-10", EDITOR).statusCode(201)
                .header("Location", containsString("/api/v1/pilots/"))
                .body("status", org.hamcrest.Matchers.equalTo("NOMINATED"))
                .body("countyName", org.hamcrest.Matchers.equalTo("合江县"))
                .body("prefectureName", org.hamcrest.Matchers.equalTo("泸州市"))
                .body("nominatedOn", org.hamcrest.Matchers.equalTo("2024-01-10"));
        registry.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void nominationOfARetiredCountyIsRefusedNamingItsSuccessor() {
        // the registry holds both codes (the successor's name comes from its own version in the copy)
        RegistryStub.counties(recoded("510122", "双流县", LocalDate.of(2016, 5, 31), "510116", "双流区"));
        long program = newProgram();
        nominateRaw(program, "510122", "2024-01-10", EDITOR).spec(Problems.problem(422, "business-rule-violated"))
                .body("rule", org.hamcrest.Matchers.equalTo("county-not-active"))
                .body("registryStatus", org.hamcrest.Matchers.equalTo("RETIRED"))
                .body("successors", org.hamcrest.Matchers.contains("510116"))
                .body("detail", containsString("510116 双流区"));
        assertNoPilotOf(program);
    }

    /** The lineage as known on the nomination's date: before the change the old code is ACTIVE, the new one not yet valid. */
    @Test
    void aCountyIsNominatedUnderTheCodeValidOnTheNominationDate() {
        RegistryStub.counties(recoded("510122", "双流县", LocalDate.of(2022, 1, 1), "510199", "双流新区"));
        long program = newProgram();
        nominateRaw(program, "510122", "2021-12-31", EDITOR).statusCode(201).body("countyName", org.hamcrest.Matchers.equalTo("双流县"));
        nominateRaw(program, "510199", "2021-12-31", EDITOR).spec(Problems.problem(422, "business-rule-violated"))
                .body("registryStatus", org.hamcrest.Matchers.equalTo("NOT_YET_VALID"));
        nominateRaw(program, "510199", "2022-01-01", EDITOR).statusCode(201).body("countyName", org.hamcrest.Matchers.equalTo("双流新区"));
        nominateRaw(newProgram(), "510122", "2022-01-01", EDITOR).spec(Problems.problem(422, "business-rule-violated"))
                .body("successors", org.hamcrest.Matchers.contains("510199"));
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

    /**
     * Changed on purpose (issue 14): a nomination used to be a 503 while the registry was down; it is now
     * checked against the local copy of the registry's facts, so it goes on. The 503 remains for a copy
     * that was never loaded (next test).
     */
    @Test
    void nominationWhileTheRegistryIsDownIsCheckedAgainstTheCopy() {
        long program = newProgram();
        RegistryStub.down();
        nominateRaw(program, "511124", "2024-01-10", EDITOR).statusCode(201).body("countyCode", org.hamcrest.Matchers.equalTo("511124"));
        nominateRaw(program, "519999", "2024-01-10", EDITOR).spec(Problems.problem(422, "business-rule-violated"))
                .body("rule", org.hamcrest.Matchers.equalTo("county-unknown"));
    }

    @Test
    void nominationBeforeTheCopyWasEverLoadedIs503AndWritesNothing() {
        long program = newProgram();
        RegistryStub.forgetCopy();
        RegistryStub.down();
        nominateRaw(program, "511124", "2024-01-10", EDITOR).spec(Problems.problem(503, "dependency-unavailable"))
                .header("Retry-After", "30");
        assertNoPilotOf(program);
    }

    /**
     * With the registry down the service keeps serving: nominations and replications are checked against the
     * copy, reads answer, and the copy's readiness check stays UP while saying the registry is unreachable.
     */
    @Test
    void whileTheRegistryIsDownTheServiceKeepsServingFromItsCopy() {
        long program = newProgram();
        long pilot = pilotIn(program, "510524", "IMPLEMENTING");
        RegistryStub.down();
        Arc.container().instance(RegistryFollower.class).get().poll(); // a round of the follower meets the outage
        nominateRaw(program, "510525", "2024-03-01", EDITOR).statusCode(201).body("countyName", org.hamcrest.Matchers.equalTo("古蔺县"));
        given().header("Authorization", READER).when().get("/api/v1/pilots/" + pilot).then().statusCode(200);
        given().header("Authorization", READER).when().get("/api/v1/programs/" + program + "/dashboard").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'county-registry-copy' }.status", org.hamcrest.Matchers.equalTo("UP"))
                .body("checks.find { it.name == 'county-registry-copy' }.data.registryReachable", org.hamcrest.Matchers.equalTo(false));
    }

    @Test
    void approvalPostsTheDesignationOfItsProgrammeWithTheServiceTokenAndStoresItsId() {
        registry.stubFor(post(urlPathEqualTo("/api/v1/designations")).atPriority(1)
                .willReturn(RegistryStub.json(201, RegistryStub.designation(4711, RegistryDesignation.REFORM_PILOT, "510524", "叙永县",
                        LocalDate.of(2024, 2, 1), LocalDate.of(2026, 1, 1)))));
        long program = newProgram();
        long id = nominate(program, "510524");
        transitionRaw(id, "APPROVED", "2024-02-01", APPROVER).statusCode(200)
                .body("designationId", org.hamcrest.Matchers.nullValue())
                .body("registrySync.state", org.hamcrest.Matchers.equalTo("PENDING"));
        registry.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/designations")));

        relay();
        assertEquals(4711, pilot(id).getInt("designationId"));
        assertEquals("SYNCED", pilot(id).getString("registrySync.state"));
        // from the approval to the programme's deadline (2025-12-31: its end, exclusive, is the day after)
        registry.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/designations"))
                .withHeader("Authorization", matching("Bearer [A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"))
                .withHeader("Idempotency-Key", equalTo("pilot-" + id + "-approve"))
                .withRequestBody(equalToJson("""
                    {"typeCode":"REFORM_PILOT","countyCode":"510524","validFrom":"2024-02-01","validTo":"2026-01-01",
                     "sourceRef":"reform-pilot-service/pilots/%d","note":"测试改革试点项目（第1批）",
                     "source":"reform-pilot:programme/%d"}""".formatted(id, program))));
        // the service identity: signed with this service's own key (kid = its name), for the registry only, no roles
        // claimed (the registry grants them)
        String auth = registry.findAll(postRequestedFor(urlPathEqualTo("/api/v1/designations"))).get(0).getHeader("Authorization");
        String[] parts = auth.substring(7).split("\\.");
        String header = new String(java.util.Base64.getUrlDecoder().decode(parts[0]), java.nio.charset.StandardCharsets.UTF_8);
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8);
        org.hamcrest.MatcherAssert.assertThat(header, containsString("\"kid\":\"reform-pilot-service\""));
        org.hamcrest.MatcherAssert.assertThat(payload, containsString("\"sub\":\"service:reform-pilot-service\""));
        org.hamcrest.MatcherAssert.assertThat(payload, org.hamcrest.Matchers.matchesPattern(".*\"aud\":\\[?\"county-registry-service\"\\]?[,}].*"));
        org.hamcrest.MatcherAssert.assertThat(payload, org.hamcrest.Matchers.not(containsString("groups")));
    }

    @Test
    void withdrawalEndsTheDesignationOnTheWithdrawalDate() {
        RegistryDesignation recorded = new RegistryDesignation(5150L, RegistryDesignation.REFORM_PILOT, "510525", "古蔺县",
                LocalDate.of(2024, 2, 1), LocalDate.of(2026, 1, 1), "LISTED", "reform-pilot-service", null, null, 7);
        registry.stubFor(post(urlPathEqualTo("/api/v1/designations")).atPriority(1)
                .willReturn(RegistryStub.json(201, new RegistryDesignation(5150L, recorded.typeCode(), recorded.countyCode(),
                        recorded.countyName(), recorded.validFrom(), recorded.validTo(), "LISTED", "reform-pilot-service", null, null, 0))));
        RegistryStub.designations(List.of(recorded));
        long program = newProgram();
        long id = pilotIn(program, "510525", "IMPLEMENTING");
        transitionRaw(id, "WITHDRAWN", "2024-06-30", EDITOR).statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("WITHDRAWN"))
                .body("registrySync.validTo", org.hamcrest.Matchers.equalTo("2024-06-30"));
        relay();
        // the add went first (a pilot's writes go in order), then the end brought the planned end forward
        registry.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/designations/5150/end"))
                .withHeader("If-Match", equalTo("\"7\""))
                .withHeader("Authorization", matching("Bearer .+"))
                .withRequestBody(equalToJson("{\"endDate\":\"2024-06-30\",\"reason\":\"依据会议纪要：WITHDRAWN\"}")));
        assertEquals("SYNCED", pilot(id).getString("registrySync.state"));
    }

    @Test
    void registryDownAtApprovalTheApprovalCommitsAndReadsWork() {
        long program = newProgram();
        long id = nominate(program, "511126");
        RegistryStub.down();

        transitionRaw(id, "APPROVED", "2024-02-01", APPROVER).statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("APPROVED"))
                .body("registrySync.state", org.hamcrest.Matchers.equalTo("PENDING"));
        // nothing was sent inside the transition
        registry.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/designations")));
        given().header("Authorization", READER).when().get("/api/v1/programs/" + program + "/dashboard").then().statusCode(200);
        given().header("Authorization", READER).when().get("/api/v1/counties/511126/pilots").then().statusCode(200)
                .body("pilots.status", org.hamcrest.Matchers.hasItem("APPROVED"));
    }

    @Test
    void registryAnsweringServerErrorsIsAFaultAndTheWriteStaysPending() {
        long program = newProgram();
        long id = nominate(program, "511129");
        registry.stubFor(post(urlPathEqualTo("/api/v1/designations")).atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("boom")));
        transition(id, "APPROVED", "2024-02-01");
        assertEquals(1, relay().getInt("retrying"));
        assertEquals("PENDING", pilot(id).getString("registrySync.state"));
        org.hamcrest.MatcherAssert.assertThat(pilot(id).getString("registrySync.detail"), containsString("last attempt"));
    }

    @Test
    void withdrawalWhileTheRegistryIsDownCommitsAndWaitsForTheRelay() {
        long program = newProgram();
        long id = pilotIn(program, "511133", "APPROVED");
        RegistryStub.down();
        transitionRaw(id, "WITHDRAWN", "2024-03-01", EDITOR).statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("WITHDRAWN"))
                .body("registrySync.state", org.hamcrest.Matchers.equalTo("PENDING"));
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
            // the loser lost at the version check and recorded nothing: one write goes out
            relay();
            registry.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/designations"))
                    .withHeader("Idempotency-Key", equalTo("pilot-" + id + "-approve")));
        }
    }

    @Test
    void theRequestIdOfTheApprovalTravelsToTheRegistryWithTheRelay() {
        long program = newProgram();
        long id = nominate(program, "511304");
        given().header("Authorization", APPROVER).header("If-Match", "\"" + version(id) + "\"").header("X-Request-Id", "trace-hejiang-approval-1")
                .contentType(ContentType.JSON).body(Map.of("to", "APPROVED", "date", "2024-02-01", "reason", "省级批复"))
                .when().post("/api/v1/pilots/" + id + "/transitions").then().statusCode(200);
        given().header("Authorization", ADMIN).header("X-Request-Id", "trace-admin-relay").when().post("/api/v1/registry-sync/relay")
                .then().statusCode(200);
        registry.verify(postRequestedFor(urlPathEqualTo("/api/v1/designations")).withHeader("X-Request-Id", equalTo("trace-hejiang-approval-1")));
    }

    @Test
    void acceptanceAndRejectionBothEndTheDesignationOnTheirDate() {
        long program = newProgram();
        long rejected = pilotIn(program, "511322", "REJECTED");
        long accepted = pilotIn(program, "511323", "ACCEPTED");
        relay();
        for (long pilotId : List.of(rejected, accepted)) {
            long designation = pilot(pilotId).getLong("designationId");
            String verdict = pilotId == rejected ? "REJECTED" : "ACCEPTED";
            registry.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/designations/" + designation + "/end"))
                    .withRequestBody(equalToJson("{\"endDate\":\"2024-09-15\",\"reason\":\"依据会议纪要：" + verdict + "\"}")));
            assertEquals("2024-09-15", pilot(pilotId).getString("registrySync.validTo"));
        }
    }

    /** A county of 成都市 recoded on a date: the old code (from 1983, RETIRED then) and the new one, each naming the other. */
    private static List<RegistryCounty> recoded(String oldCode, String oldName, LocalDate on, String newCode, String newName) {
        return List.of(
                new RegistryCounty(oldCode, oldName, null, "COUNTY", null, "510100", "成都市", null, null, LocalDate.of(1983, 1, 1), on,
                        RegistryCounty.RETIRED, List.of(new RegistryCounty.CodeName(newCode, newName)), List.of(), null, List.of(), 0),
                new RegistryCounty(newCode, newName, null, "COUNTY", null, "510100", "成都市", null, null, on, null, RegistryCounty.ACTIVE,
                        List.of(), List.of(new RegistryCounty.CodeName(oldCode, oldName)), null, List.of(), 0));
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
