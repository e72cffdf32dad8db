package cn.sc.countyeconomy.system;

import cn.sc.countyeconomy.api.testing.TestTokens;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, "the others follow the feed": assessment-service keeps the registry facts it needs in its
 * own database, followed from the registry's change feed every second here
 * ({@code REGISTRY_FOLLOW_INTERVAL=1s}). A division change in the real registry (合江县 510522 recoded
 * to 510599 from 2026-03-01) reaches it within a polling interval: a 2026 import accepts the new code and
 * refuses the old. Then the registry is stopped: the import is still validated from the copy, and the
 * copy's health check stays UP and says the registry is unreachable. A registry and an assessment of
 * their own, so the shared ones stay up.
 *
 * <p>Issue 18, with the same registry: assistance-service follows it too (its own process, interval 1 s). The
 * registry ends 马边彝族自治县 511133's UNDERDEVELOPED_COUNTY designation on 2025-07-01; within a polling interval
 * assistance has ended the county's open pairing on 2025-06-30 and its 2025 coverage report lists it. While the
 * registry is stopped assistance still answers the coverage and checks a new pairing against its copy.
 *
 * <p>Issue 14, with the same registry: reform-pilot-service follows it too (its own process, interval 1 s) and checks
 * nominations against its copy. Within a polling interval of the recode it nominates 510599 and refuses 510522 as
 * RETIRED, naming 510599 as its successor (the lineage of the copy); while the registry is stopped it still nominates
 * (checked against the copy) and its copy's health check says the registry is unreachable.
 */
class RegistryFeedFollowerTest {

    private static final String READER = TestTokens.bearer("reader");
    private static final String ADMIN = TestTokens.bearer("admin");
    private static final String EDITOR = TestTokens.bearer("editor");

    @Test
    void aDivisionChangeReachesAssessmentWithinAnIntervalAndItKeepsServingWhenTheRegistryStops() throws Exception {
        ServiceProcess registry = Suite.startDedicated("county-registry-service", "registry_follow", null);
        ServiceProcess assessment = null;
        ServiceProcess assistance = null;
        ServiceProcess reformPilot = null;
        try {
            assessment = Suite.startDedicated("assessment-service", "assessment_follow", registry.url(), Map.of("REGISTRY_FOLLOW_INTERVAL", "1s"));
            assistance = Suite.startDedicated("assistance-service", "assistance_follow", registry.url(), Map.of("REGISTRY_FOLLOW_INTERVAL", "1s"));
            reformPilot = Suite.startDedicated("reform-pilot-service", "reform_pilot_follow", registry.url(), Map.of("REGISTRY_FOLLOW_INTERVAL", "1s"));
            String a = assessment.url();
            String h = assistance.url();
            String p = reformPilot.url();
            long programme = onePlusTwenty(p);
            // loaded at start: the new code is unknown to reform-pilot's copy
            nominate(p, programme, "510599").then().statusCode(422).body("rule", equalTo("county-unknown"));
            long org = AssistanceWithRegistryTest.organisation(h);
            long pairing = given().baseUri(h).header("Authorization", EDITOR).contentType("application/json")
                    .body(Map.of("organisationId", org, "countyCode", "511133", "validFrom", "2024-01-01")).when().post("/api/v1/pairings")
                    .then().statusCode(201).extract().jsonPath().getLong("id");
            // loaded at start: the old code is a county of 2026, the new one is not yet
            assertEquals(List.of("ACCEPTED", "REJECTED"), outcomes(a, "510522", "510599"));

            Response change = given().baseUri(registry.url()).header("Authorization", ADMIN).contentType("application/json")
                    .body(Map.of("kind", "RECODE", "effectiveDate", "2026-03-01", "fromCodes", List.of("510522"),
                            "successors", List.of(Map.of("code", "510599")), "source", "system test of the change feed"))
                    .when().post("/api/v1/division-changes");
            assertEquals(201, change.statusCode(), change.asString());
            List<Integer> sequences = change.jsonPath().getList("effects.sequence", Integer.class);
            long last = sequences.stream().mapToLong(Integer::longValue).max().orElseThrow();

            // one polling interval (1 s), with room for a loaded machine: the copy's cursor reaches the change
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (cursor(a) < last) {
                assertTrue(System.nanoTime() < deadline, "assessment's copy reached sequence " + last + " within 30 s");
                Thread.sleep(250);
            }
            assertEquals(List.of("REJECTED", "ACCEPTED"), outcomes(a, "510522", "510599"));
            // reform-pilot: the same change within an interval; the old code is refused naming its successor (the copy's lineage)
            long pilotDeadline = System.nanoTime() + 30_000_000_000L;
            while (cursor(p) < last) {
                assertTrue(System.nanoTime() < pilotDeadline, "reform-pilot's copy reached sequence " + last + " within 30 s");
                Thread.sleep(250);
            }
            nominate(p, programme, "510599").then().statusCode(201).body("countyCode", equalTo("510599")).body("countyName", equalTo("合江县"));
            nominate(p, programme, "510522").then().statusCode(422).body("rule", equalTo("county-not-active"))
                    .body("registryStatus", equalTo("RETIRED")).body("successors", contains("510599"));

            // issue 18: the registry ends 511133's designation; assistance ends the open pairing within an interval
            JsonPath designation = given().baseUri(registry.url()).header("Authorization", READER).queryParam("type", "UNDERDEVELOPED_COUNTY")
                    .queryParam("county", "511133").when().get("/api/v1/designations").then().statusCode(200).extract().jsonPath();
            long designationId = designation.getLong("items[0].id");
            Response ended = given().baseUri(registry.url()).header("Authorization", ADMIN).contentType("application/json")
                    .header("If-Match", "\"" + designation.getLong("items[0].version") + "\"")
                    .body(Map.of("endDate", "2025-07-01", "reason", "system test: the county is no longer designated"))
                    .when().post("/api/v1/designations/" + designationId + "/end");
            assertEquals(200, ended.statusCode(), ended.asString());
            long pairingDeadline = System.nanoTime() + 30_000_000_000L;
            while (!"2025-06-30".equals(given().baseUri(h).header("Authorization", READER).when().get("/api/v1/pairings/" + pairing)
                    .then().statusCode(200).extract().jsonPath().getString("validTo"))) {
                assertTrue(System.nanoTime() < pairingDeadline, "assistance ended the pairing within 30 s of the designation's end");
                Thread.sleep(250);
            }
            JsonPath coverage = given().baseUri(h).header("Authorization", READER).queryParam("year", 2025).when().get("/api/v1/coverage")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals("2025-07-01", coverage.getString("pairingsEndedByDesignation.find { it.pairingId == " + pairing + " }.designationEndedOn"));
            int counties = coverage.getInt("counties");
            // the designation's end is a feed event too: both copies reach the registry's head before it stops
            last = given().baseUri(registry.url()).header("Authorization", READER).queryParam("after", 0).queryParam("limit", 1).when()
                    .get("/api/v1/changes").then().statusCode(200).extract().jsonPath().getLong("headSequence");
            long headDeadline = System.nanoTime() + 30_000_000_000L;
            while (cursor(a) < last || cursor(h) < last || cursor(p) < last) {
                assertTrue(System.nanoTime() < headDeadline, "the three copies reached sequence " + last + " within 30 s");
                Thread.sleep(250);
            }

            registry.stop();
            // assistance answers from its copy: the coverage, and a pairing checked against the copy (昭觉县 513431 is one of the 39)
            JsonPath down = given().baseUri(h).header("Authorization", READER).queryParam("year", 2025).when().get("/api/v1/coverage")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(counties, down.getInt("counties"));
            assertEquals("registry-copy", down.getString("countiesSource"));
            given().baseUri(h).header("Authorization", EDITOR).contentType("application/json")
                    .body(Map.of("organisationId", org, "countyCode", "513431", "validFrom", "2024-01-01")).when().post("/api/v1/pairings")
                    .then().statusCode(201);
            // reads of registry facts go on from the copy; the health check tells the outage once a round has met it
            assertEquals(List.of("REJECTED", "ACCEPTED"), outcomes(a, "510522", "510599"));
            Map<String, Object> health = healthOnceTheRegistryIsMissed(a);
            assertEquals("UP", health.get("status"));
            assertEquals(last, ((Number) data(health).get("cursor")).longValue());
            // reform-pilot nominates from its copy (平昌县 511923) and its health check tells the outage
            nominate(p, programme, "511923").then().statusCode(201).body("countyName", equalTo("平昌县"));
            Map<String, Object> pilotHealth = healthOnceTheRegistryIsMissed(p);
            assertEquals("UP", pilotHealth.get("status"));
            assertEquals(last, ((Number) data(pilotHealth).get("cursor")).longValue());
        } finally {
            if (reformPilot != null) {
                reformPilot.stop();
            }
            if (assessment != null) {
                assessment.stop();
            }
            if (assistance != null) {
                assistance.stop();
            }
            registry.stop();
        }
    }

    /** The id of reform-pilot's seeded "1+20" programme (no dates, no deadline, batch 1): nominations on any date are in it. */
    private static long onePlusTwenty(String reformPilot) {
        return given().baseUri(reformPilot).header("Authorization", READER).when().get("/api/v1/programs?size=100").then().statusCode(200)
                .extract().jsonPath().getLong("items.find { it.code == 'URBAN-RURAL-INTEGRATION-1PLUS20' }.id");
    }

    /** A nomination into the programme on 2026-04-01, after the recode. */
    private static Response nominate(String reformPilot, long programme, String county) {
        return given().baseUri(reformPilot).header("Authorization", EDITOR).contentType("application/json")
                .body(Map.of("programId", programme, "batch", 1, "countyCode", county, "nominatedOn", "2026-04-01", "reason", "系统测试：变更后的代码"))
                .when().post("/api/v1/pilots");
    }

    /** What a dry-run import of one 2026 GDP value for each county says of it (ACCEPTED or REJECTED). */
    private static List<String> outcomes(String assessment, String... counties) {
        List<Map<String, Object>> values = java.util.Arrays.stream(counties)
                .<Map<String, Object>>map(c -> Map.of("countyCode", c, "indicatorCode", "GDP", "value", "100")).toList();
        JsonPath p = given().baseUri(assessment).header("Authorization", EDITOR).contentType("application/json").queryParam("dryRun", true)
                .body(Map.of("values", values)).when().post("/api/v1/data/2026/values").then().statusCode(200).extract().jsonPath();
        return java.util.Arrays.stream(counties).map(c -> p.getList("issues.findAll { it.countyCode == '" + c + "' && it.severity == 'REJECTED' }")
                .isEmpty() ? "ACCEPTED" : "REJECTED").toList();
    }

    /** The copy's health check once a round of the service's follower has met the stopped registry (within 30 s). */
    private static Map<String, Object> healthOnceTheRegistryIsMissed(String service) throws InterruptedException {
        long until = System.nanoTime() + 30_000_000_000L;
        while (true) {
            Map<String, Object> health = copyHealth(service);
            if (Boolean.FALSE.equals(data(health).get("registryReachable"))) {
                return health;
            }
            assertTrue(System.nanoTime() < until, "a round of " + service + "'s follower met the stopped registry within 30 s");
            Thread.sleep(250);
        }
    }

    /** The local copy's health check, as {@code /q/health/ready} lists it. */
    private static Map<String, Object> copyHealth(String service) {
        return given().baseUri(service).when().get("/q/health/ready").then().extract().jsonPath()
                .getMap("checks.find { it.name == 'county-registry-copy' }");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> check) {
        return check == null || check.get("data") == null ? Map.of() : (Map<String, Object>) check.get("data");
    }

    private static long cursor(String service) {
        Object c = data(copyHealth(service)).get("cursor");
        return c == null ? -1 : ((Number) c).longValue();
    }
}
