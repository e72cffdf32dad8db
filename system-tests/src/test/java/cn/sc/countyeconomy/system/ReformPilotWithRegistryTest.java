package cn.sc.countyeconomy.system;

import cn.sc.countyeconomy.api.testing.TestTokens;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A pilot's approval writes its REFORM_PILOT designation into the real registry (through the outbox
 * relay, after the approval has committed), as the service's own identity and with the caller's request
 * id; its withdrawal ends it there; a nomination of a code the registry has retired is refused with the
 * registry's reason.
 */
class ReformPilotWithRegistryTest {

    static long programId(String baseUri) {
        List<Map<String, Object>> programs = given().baseUri(baseUri).header("Authorization", TestTokens.bearer("reader"))
                .when().get("/api/v1/programs?size=100").then().statusCode(200).extract().jsonPath().getList("items");
        return programs.stream().filter(p -> "CHENGYU-COUNTY-REFORM-2020".equals(p.get("code")))
                .map(p -> ((Number) p.get("id")).longValue()).findFirst().orElseThrow();
    }

    static long nominate(String baseUri, long programId, String county) {
        return nominate(baseUri, programId, county, "2024-03-01");
    }

    static long nominate(String baseUri, long programId, String county, String date) {
        return given().baseUri(baseUri).header("Authorization", TestTokens.bearer("editor")).contentType("application/json")
                .body(Map.of("programId", programId, "batch", 1, "countyCode", county, "nominatedOn", date, "reason", "系统测试提名"))
                .when().post("/api/v1/pilots").then().log().ifValidationFails().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A programme of its own: launched 2026-01-01, deadline 2028-12-31, batch 1. */
    static long newProgramme(String baseUri, String code) {
        return given().baseUri(baseUri).header("Authorization", TestTokens.bearer("admin")).contentType("application/json")
                .body(Map.of("code", code, "name", "系统测试改革试点", "nameEn", "System test programme", "approvingBody", "四川省",
                        "launchDate", "2026-01-01", "deadline", "2028-12-31", "reformAreas", List.of("URBAN_RURAL_INTEGRATION"),
                        "batches", List.of(Map.of("number", 1, "announcedOn", "2026-01-01"))))
                .when().post("/api/v1/programs").then().log().ifValidationFails().statusCode(201).extract().jsonPath().getLong("id");
    }

    /**
     * Runs the outbox relay (as an admin) until the pilot's registry writes are SYNCED. The service's own
     * schedule may hold a message at that moment, so this waits for the outcome, not for time: it fails
     * at once on FAILED, and after 60 s (a machine far slower than any seen) while PENDING.
     */
    static void awaitSynced(String baseUri, long pilotId) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (true) {
            given().baseUri(baseUri).header("Authorization", TestTokens.bearer("admin")).when().post("/api/v1/registry-sync/relay")
                    .then().statusCode(200);
            Map<String, Object> sync = given().baseUri(baseUri).header("Authorization", TestTokens.bearer("reader"))
                    .when().get("/api/v1/pilots/" + pilotId).then().statusCode(200).extract().jsonPath().getMap("registrySync");
            if ("SYNCED".equals(sync.get("state"))) {
                return;
            }
            if ("FAILED".equals(sync.get("state")) || System.nanoTime() > deadline) {
                throw new AssertionError("pilot " + pilotId + " not synced with the registry: " + sync);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static Response transition(String baseUri, long pilotId, String to, String date, String requestId) {
        String etag = given().baseUri(baseUri).header("Authorization", TestTokens.bearer("reader"))
                .when().get("/api/v1/pilots/" + pilotId).then().statusCode(200).extract().header("ETag");
        return given().baseUri(baseUri).header("Authorization", TestTokens.bearer("approver", "editor"))
                .header("If-Match", etag).header("X-Request-Id", requestId).contentType("application/json")
                .body("{\"to\":\"" + to + "\",\"date\":\"" + date + "\",\"reason\":\"系统测试\"}")
                .when().post("/api/v1/pilots/" + pilotId + "/transitions");
    }

    @Test
    void approvalRecordsTheDesignationInTheRegistryAndWithdrawalEndsIt() {
        String registry = Suite.registry().url();
        String pilots = Suite.reformPilot().url();
        long pilot = nominate(pilots, programId(pilots), "510116");

        transition(pilots, pilot, "APPROVED", "2024-04-01", "sys-approve-510116").then().statusCode(200);
        awaitSynced(pilots, pilot);
        Long designationId = given().baseUri(pilots).header("Authorization", TestTokens.bearer("reader"))
                .when().get("/api/v1/pilots/" + pilot).then().statusCode(200)
                .body("status", equalTo("APPROVED")).extract().jsonPath().getObject("designationId", Long.class);
        assertNotNull(designationId, "the pilot keeps the id of the designation the registry made");

        given().baseUri(registry).header("Authorization", TestTokens.bearer("reader"))
                .when().get("/api/v1/designations/" + designationId)
                .then().statusCode(200)
                .body("typeCode", equalTo("REFORM_PILOT"))
                .body("countyCode", equalTo("510116"))
                .body("validFrom", equalTo("2024-04-01"))
                // to the programme's deadline, 2025-12-31 (validTo is exclusive)
                .body("validTo", equalTo("2026-01-01"))
                .body("source", equalTo("reform-pilot:programme/" + programId(pilots)));
        given().baseUri(registry).header("Authorization", TestTokens.bearer("reader"))
                .when().get("/api/v1/counties/510116?asOf=2024-05-01")
                .then().statusCode(200).body("designations.typeCode", hasItem("REFORM_PILOT"));
        // the registry's audit trail names the calling service and the caller's request id
        given().baseUri(registry).header("Authorization", TestTokens.bearer("admin"))
                .when().get("/api/v1/audit?resourceType=Designation&resourceId=" + designationId)
                .then().statusCode(200)
                .body("items[0].actor", equalTo("service:reform-pilot-service"))
                .body("items[0].requestId", equalTo("sys-approve-510116"));

        transition(pilots, pilot, "WITHDRAWN", "2024-06-01", "sys-withdraw-510116").then().statusCode(200);
        awaitSynced(pilots, pilot);
        given().baseUri(registry).header("Authorization", TestTokens.bearer("reader"))
                .when().get("/api/v1/designations/" + designationId)
                .then().statusCode(200).body("validTo", equalTo("2024-06-01"));
    }

    @Test
    void withdrawingASeededPilotEndsItsDesignationInTheRegistry() {
        String registry = Suite.registry().url();
        String pilots = Suite.reformPilot().url();
        // 511181 峨眉山市, first batch of 2020: seeded on both sides, with no designation id on the pilot
        long pilot = given().baseUri(pilots).header("Authorization", TestTokens.bearer("reader"))
                .when().get("/api/v1/pilots?countyCode=511181&size=10").then().statusCode(200)
                .extract().jsonPath().getLong("items.find { it.batch == 1 }.id");
        transition(pilots, pilot, "WITHDRAWN", "2024-06-01", "sys-withdraw-seeded").then().statusCode(200);
        awaitSynced(pilots, pilot);
        given().baseUri(registry).header("Authorization", TestTokens.bearer("reader"))
                .when().get("/api/v1/designations?type=REFORM_PILOT&county=511181&asOf=2021-01-01")
                .then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].validTo", equalTo("2024-06-01"));
        given().baseUri(registry).header("Authorization", TestTokens.bearer("reader"))
                .when().get("/api/v1/designations?type=REFORM_PILOT&county=511181&asOf=2024-06-01")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aCodeTheRegistryRetiredCannotBeNominated() {
        String pilots = Suite.reformPilot().url();
        // 513425 会理县 became 513402 会理市 (2021): on 2024-03-01 the old code is retired
        given().baseUri(pilots).header("Authorization", TestTokens.bearer("editor")).contentType("application/json")
                .body("{\"programId\":" + programId(pilots) + ",\"batch\":1,\"countyCode\":\"513425\","
                        + "\"nominatedOn\":\"2024-03-01\",\"reason\":\"retired code\"}")
                .when().post("/api/v1/pilots")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", notNullValue());
    }

    @Test
    void theNineSeededPilotsAreTheRegistrysNine() {
        List<String> registryPilots = given().baseUri(Suite.registry().url()).header("Authorization", TestTokens.bearer("reader"))
                .when().get("/api/v1/designations?type=REFORM_PILOT&asOf=2021-01-01&size=100")
                .then().statusCode(200).extract().jsonPath().getList("items.countyCode");
        String pilots = Suite.reformPilot().url();
        // the seeded first batch: nominated in 2020 (other tests nominate more, later)
        List<String> servicePilots = given().baseUri(pilots).header("Authorization", TestTokens.bearer("reader"))
                .when().get("/api/v1/pilots?programId=" + programId(pilots) + "&batch=1&size=100")
                .then().statusCode(200).extract().jsonPath().getList("items.findAll { it.nominatedOn < '2021-01-01' }.countyCode");
        assertEquals(9, registryPilots.size());
        assertEquals(registryPilots.stream().sorted().toList(), servicePilots.stream().sorted().toList());
    }
}
