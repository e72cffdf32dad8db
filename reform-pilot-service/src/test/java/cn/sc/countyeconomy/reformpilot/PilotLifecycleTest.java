package cn.sc.countyeconomy.reformpilot;

import cn.sc.countyeconomy.api.testing.Problems;
import cn.sc.countyeconomy.registry.client.RegistryDesignation;
import cn.sc.countyeconomy.registry.client.testing.RegistryStub;
import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class PilotLifecycleTest extends ApiTest {

    /** The lifecycle table as the README states it, written out independently of PilotStatus. */
    static final Map<String, Set<String>> LEGAL = Map.of(
            "NOMINATED", Set.of("APPROVED", "WITHDRAWN"),
            "APPROVED", Set.of("IMPLEMENTING", "WITHDRAWN"),
            "IMPLEMENTING", Set.of("UNDER_EVALUATION", "WITHDRAWN"),
            "UNDER_EVALUATION", Set.of("ACCEPTED", "REJECTED", "IMPLEMENTING", "WITHDRAWN"),
            "ACCEPTED", Set.of(),
            "REJECTED", Set.of(),
            "WITHDRAWN", Set.of());
    static final List<String> ALL = List.of("NOMINATED", "APPROVED", "IMPLEMENTING", "UNDER_EVALUATION", "ACCEPTED", "REJECTED", "WITHDRAWN");

    @Test
    void fromNominationToAcceptanceEveryStepDatedWithActorAndReason() {
        long program = newProgram();
        long id = nominate(program, "510522");
        transitionRaw(id, "APPROVED", "2024-02-01", APPROVER).statusCode(200)
                .body("status", equalTo("APPROVED")).body("registrySync.state", equalTo("PENDING"));
        relay();
        given().header("Authorization", READER).when().get("/api/v1/pilots/" + id).then()
                .body("designationId", notNullValue()).body("registrySync.state", equalTo("SYNCED"));
        transitionRaw(id, "IMPLEMENTING", "2024-03-01", EDITOR).statusCode(200).body("implementationStart", equalTo("2024-03-01"));
        transitionRaw(id, "UNDER_EVALUATION", "2024-09-01", EDITOR).statusCode(200);
        evaluate(id, "PASS", "2024-09-10");
        transitionRaw(id, "ACCEPTED", "2024-09-15", APPROVER).statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("statusSince", equalTo("2024-09-15"))
                .body("allowedTransitions", hasSize(0));

        given().header("Authorization", READER).when().get("/api/v1/pilots/" + id + "/transitions")
                .then().statusCode(200)
                .body("to", contains("NOMINATED", "APPROVED", "IMPLEMENTING", "UNDER_EVALUATION", "ACCEPTED"))
                .body("from[0]", equalTo(null))
                .body("date", contains("2024-01-10", "2024-02-01", "2024-03-01", "2024-09-01", "2024-09-15"))
                .body("actor", contains("test-user", "test-user", "test-user", "test-user", "test-user"))
                .body("reason[0]", equalTo("县委县政府申报"))
                .body("reason[4]", equalTo("依据会议纪要：ACCEPTED"));
    }

    @Test
    void everyIllegalTransitionIsRefusedWithAProblemNamingFromToAndAllowed() {
        long program = newProgram();
        int county = 0;
        int refused = 0;
        for (String from : ALL) {
            long id = pilotIn(program, RegistryStub.sichuan().get(county++).code(), from);
            for (String to : ALL) {
                if (LEGAL.get(from).contains(to)) {
                    continue;
                }
                long before = version(id);
                transitionRaw(id, to, "2024-10-01", EDITOR_APPROVER)
                        .spec(Problems.problem(409, "conflict"))
                        .body("rule", equalTo("illegal-transition"))
                        .body("from", equalTo(from)).body("to", equalTo(to))
                        .body("allowed", containsInAnyOrder(LEGAL.get(from).toArray()))
                        .body("detail", containsString(from)).body("detail", containsString(to));
                assertEquals(before, version(id), from + " -> " + to + " changed the pilot");
                assertEquals(from, status(id));
                refused++;
            }
        }
        // 7 x 7 pairs minus the 10 legal ones
        assertEquals(49 - 10, refused);
    }

    @Test
    void everyLegalTransitionIsAccepted() {
        long program = newProgram();
        int county = 0;
        List<String> done = new ArrayList<>();
        for (String from : ALL) {
            for (String to : LEGAL.get(from)) {
                long id = pilotIn(program, RegistryStub.sichuan().get(county++).code(), from);
                if (to.equals("ACCEPTED") || to.equals("REJECTED")) {
                    evaluate(id, to.equals("ACCEPTED") ? "PASS" : "FAIL", "2024-09-10");
                }
                transitionRaw(id, to, "2024-10-01", EDITOR_APPROVER).statusCode(200).body("status", equalTo(to));
                done.add(from + "->" + to);
            }
        }
        assertEquals(10, done.size());
    }

    @Test
    void approvalAcceptanceAndRejectionNeedTheApproverRole() {
        long program = newProgram();
        long id = nominate(program, "511324");
        transitionRaw(id, "APPROVED", "2024-02-01", EDITOR).spec(Problems.problem(403, "forbidden"))
                .body("detail", containsString("approver"));
        assertEquals("NOMINATED", status(id));
        transitionRaw(id, "APPROVED", "2024-02-01", APPROVER).statusCode(200);
        // approver alone may not start implementation (editor's work)
        transitionRaw(id, "IMPLEMENTING", "2024-03-01", APPROVER).spec(Problems.problem(403, "forbidden"));
        transitionRaw(id, "IMPLEMENTING", "2024-03-01", EDITOR).statusCode(200);
        transitionRaw(id, "UNDER_EVALUATION", "2024-09-01", EDITOR).statusCode(200);
        evaluate(id, "PASS", "2024-09-10");
        transitionRaw(id, "ACCEPTED", "2024-09-15", EDITOR).spec(Problems.problem(403, "forbidden"));
        transitionRaw(id, "ACCEPTED", "2024-09-15", READER).spec(Problems.problem(403, "forbidden"));
        assertEquals("UNDER_EVALUATION", status(id));
    }

    @Test
    void acceptanceNeedsAPassingEvaluationAndRejectionAFailingOne() {
        long program = newProgram();
        long id = pilotIn(program, "510802", "UNDER_EVALUATION");
        transitionRaw(id, "ACCEPTED", "2024-09-15", APPROVER).spec(Problems.problem(422, "business-rule-violated"))
                .body("rule", equalTo("evaluation-required")).body("requiredVerdict", equalTo("PASS"));
        evaluate(id, "RECTIFY", "2024-09-10");
        transitionRaw(id, "ACCEPTED", "2024-09-15", APPROVER).spec(Problems.problem(422, "business-rule-violated"))
                .body("detail", containsString("RECTIFY"));
        transitionRaw(id, "REJECTED", "2024-09-15", APPROVER).spec(Problems.problem(422, "business-rule-violated"))
                .body("requiredVerdict", equalTo("FAIL"));
        // rectification: back to implementing, then a new evaluation round
        transitionRaw(id, "IMPLEMENTING", "2024-09-16", EDITOR).statusCode(200);
        transitionRaw(id, "UNDER_EVALUATION", "2024-10-01", EDITOR).statusCode(200);
        // the PASS must belong to the current evaluation round, not an older one
        evaluate(id, "PASS", "2024-10-05");
        transitionRaw(id, "ACCEPTED", "2024-10-06", APPROVER).statusCode(200);
    }

    @Test
    void transitionDatesMustNotGoBackwardsNorIntoTheFuture() {
        long program = newProgram();
        long id = nominate(program, "511325");
        transitionRaw(id, "APPROVED", "2024-01-09", APPROVER).spec(Problems.problem(422, "business-rule-violated"))
                .body("rule", equalTo("transition-date-order")).body("detail", containsString("2024-01-10"));
        transitionRaw(id, "APPROVED", "2024-10-21", APPROVER).spec(Problems.problem(422, "validation-failed"))
                .body("violations[0].field", equalTo("date"));
        assertEquals("NOMINATED", status(id));
    }

    @Test
    void transitionsNeedIfMatchAndAReason() {
        long program = newProgram();
        long id = nominate(program, "511381");
        given().header("Authorization", APPROVER).contentType(ContentType.JSON)
                .body(Map.of("to", "APPROVED", "date", "2024-02-01", "reason", "批复"))
                .when().post("/api/v1/pilots/" + id + "/transitions").then().spec(Problems.problem(428, "precondition-required"));
        given().header("Authorization", APPROVER).header("If-Match", "\"99\"").contentType(ContentType.JSON)
                .body(Map.of("to", "APPROVED", "date", "2024-02-01", "reason", "批复"))
                .when().post("/api/v1/pilots/" + id + "/transitions").then().spec(Problems.problem(412, "precondition-failed"));
        given().header("Authorization", APPROVER).header("If-Match", "\"" + version(id) + "\"").contentType(ContentType.JSON)
                .body(Map.of("to", "APPROVED", "date", "2024-02-01", "reason", " "))
                .when().post("/api/v1/pilots/" + id + "/transitions").then().spec(Problems.problem(422, "validation-failed"))
                .body("violations[0].field", equalTo("reason"));
        given().header("Authorization", APPROVER).header("If-Match", "\"" + version(id) + "\"").contentType(ContentType.JSON)
                .body(Map.of("to", "FINISHED", "date", "2024-02-01", "reason", "批复"))
                .when().post("/api/v1/pilots/" + id + "/transitions").then().spec(Problems.problem(400, "malformed-request"))
                .body("violations[0].field", equalTo("to"));
        assertEquals("NOMINATED", status(id));
        registry.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/designations")));
    }

    @Test
    void theLifecycleTableIsPublished() {
        given().header("Authorization", READER).when().get("/api/v1/pilot-lifecycle").then().statusCode(200)
                .body("", hasSize(7))
                .body("find { it.from == 'UNDER_EVALUATION' }.allowed", containsInAnyOrder("IMPLEMENTING", "ACCEPTED", "REJECTED", "WITHDRAWN"))
                .body("find { it.from == 'REJECTED' }.isFinal", equalTo(true))
                .body("find { it.from == 'APPROVED' }.rolesToEnter", contains("approver"));
        for (String s : ALL) {
            given().header("Authorization", READER).when().get("/api/v1/pilot-lifecycle").then()
                    .body("find { it.from == '" + s + "' }.allowed", containsInAnyOrder(LEGAL.get(s).toArray()));
        }
    }

    @Test
    void withdrawingASeededPilotEndsTheRegistrysDesignationFromTheSameSource() {
        // seeded pilot 9 (翠屏区) was approved before this service existed: it stores no designation id,
        // so its designation is looked up in the registry: same source (its programme), county and first day
        String source = "http://www.sc.gov.cn/10462/10758/10760/10765/2020/7/7/a05d2641de374a6ea51b0b63bd659c74.shtml";
        given().header("Authorization", READER).when().get("/api/v1/pilots/9").then().statusCode(200)
                .body("countyName", equalTo("翠屏区")).body("designationId", equalTo(null)).body("source", equalTo(source));
        RegistryStub.designations(List.of(
                // another programme's designation of the same county must be left alone
                new RegistryDesignation(7001L, RegistryDesignation.REFORM_PILOT, "511502", "翠屏区", LocalDate.of(2020, 7, 3), null,
                        "VERIFIED", "another programme", null, "reform-pilot:programme/77", 0),
                new RegistryDesignation(7002L, RegistryDesignation.REFORM_PILOT, "511502", "翠屏区", LocalDate.of(2020, 7, 3), null,
                        "VERIFIED", source, null, "reform-pilot:programme/1", 0)));
        transitionRaw(9, "WITHDRAWN", "2024-10-01", EDITOR).statusCode(200).body("status", equalTo("WITHDRAWN"))
                .body("registrySync.state", equalTo("PENDING")).body("registrySync.validTo", equalTo("2024-10-01"));
        relay();
        given().header("Authorization", READER).when().get("/api/v1/pilots/9").then()
                .body("designationId", equalTo(7002)).body("registrySync.state", equalTo("SYNCED"));
        registry.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/designations/7002/end")));
        registry.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/designations/7001/end")));
        registry.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/designations")).withHeader("Idempotency-Key",
                com.github.tomakehurst.wiremock.client.WireMock.matching("pilot-9-.*")));
    }

    @Test
    void unknownPilotIs404() {
        transitionStatusOfMissing();
    }

    private void transitionStatusOfMissing() {
        given().header("Authorization", EDITOR).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("to", "APPROVED", "date", "2024-02-01", "reason", "x"))
                .when().post("/api/v1/pilots/999999/transitions").then().spec(Problems.problem(404, "not-found"));
        given().header("Authorization", READER).when().get("/api/v1/pilots/999999").then().spec(Problems.problem(404, "not-found"));
    }
}
