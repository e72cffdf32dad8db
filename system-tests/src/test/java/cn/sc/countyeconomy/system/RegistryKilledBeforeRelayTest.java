package cn.sc.countyeconomy.system;

import cn.sc.countyeconomy.api.testing.TestTokens;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 11: a registry write cannot half-happen. An approval commits locally; the registry is killed
 * (SIGKILL) before the outbox relay sends the designation; a second approval commits while it is down;
 * reads go on. Once the registry is back (same port, same database) the relay sends both, and each
 * designation is in the registry exactly once, however often the relay runs. The relay of this
 * reform-pilot process is not scheduled ({@code off}): the test triggers it, so the order "commit,
 * kill, relay" is the test's, not the scheduler's. A pair of services of its own, so the shared ones stay up.
 */
class RegistryKilledBeforeRelayTest {

    private static final String READER = TestTokens.bearer("reader");
    private static final String ADMIN = TestTokens.bearer("admin");

    @Test
    void anApprovalCommittedBeforeTheRegistryIsKilledArrivesExactlyOnceAfterItIsBack() {
        ServiceProcess registry = Suite.startDedicated("county-registry-service", "registry_killed", null);
        ServiceProcess pilots = Suite.startDedicated("reform-pilot-service", "reform_pilot_killed", registry.url(),
                Map.of("REFORM_PILOT_REGISTRY_SYNC_RELAY_EVERY", "off", "REFORM_PILOT_REGISTRY_SYNC_RECONCILE_EVERY", "off"));
        try {
            String p = pilots.url();
            long programme = ReformPilotWithRegistryTest.newProgramme(p, "SYS-KILLED");
            String source = "reform-pilot:programme/" + programme;
            // 合江县 holds the 2020 programme's REFORM_PILOT designation: a second programme's must still be accepted
            long hejiang = ReformPilotWithRegistryTest.nominate(p, programme, "510522", "2026-01-10");
            long naxi = ReformPilotWithRegistryTest.nominate(p, programme, "510503", "2026-01-10");

            // the local commit
            ReformPilotWithRegistryTest.transition(p, hejiang, "APPROVED", "2026-02-01", "sys-killed-1").then().statusCode(200)
                    .body("registrySync.state", equalTo("PENDING"));
            // the registry dies before the relay has run
            registry.kill();
            // an approval while it is dead commits too, and reads go on
            ReformPilotWithRegistryTest.transition(p, naxi, "APPROVED", "2026-02-01", "sys-killed-2").then().statusCode(200)
                    .body("status", equalTo("APPROVED")).body("registrySync.state", equalTo("PENDING"));
            given().baseUri(p).header("Authorization", READER).when().get("/api/v1/pilots?programId=" + programme)
                    .then().statusCode(200).body("totalItems", equalTo(2));

            JsonPath whileDead = relay(p);
            assertEquals(0, whileDead.getInt("sent"));
            assertEquals(2, whileDead.getInt("retrying"), "both writes met the dead registry and wait for the next attempt");
            assertEquals("PENDING", pilot(p, hejiang).getString("registrySync.state"));

            registry.restart();
            ReformPilotWithRegistryTest.awaitSynced(p, hejiang);
            ReformPilotWithRegistryTest.awaitSynced(p, naxi);
            relay(p);
            relay(p);

            List<Map<String, Object>> held = given().baseUri(registry.url()).header("Authorization", READER)
                    .queryParam("type", "REFORM_PILOT").queryParam("source", source).queryParam("size", 100)
                    .when().get("/api/v1/designations").then().statusCode(200).extract().jsonPath().getList("items");
            assertEquals(2, held.size(), "one designation per approved pilot: " + held);
            for (long pilot : List.of(hejiang, naxi)) {
                JsonPath view = pilot(p, pilot);
                String county = view.getString("countyCode");
                List<Map<String, Object>> ofCounty = held.stream().filter(d -> county.equals(d.get("countyCode"))).toList();
                assertEquals(1, ofCounty.size(), county + " arrived exactly once");
                assertEquals(view.getLong("designationId"), ((Number) ofCounty.get(0).get("id")).longValue());
                assertEquals("2026-02-01", ofCounty.get(0).get("validFrom"));
                assertEquals("2029-01-01", ofCounty.get(0).get("validTo"));
                // the registry recorded one CREATE for it, as reform-pilot-service, with the approval's request id
                given().baseUri(registry.url()).header("Authorization", ADMIN)
                        .when().get("/api/v1/audit?resourceType=Designation&resourceId=" + ofCounty.get(0).get("id"))
                        .then().statusCode(200).body("totalItems", equalTo(1))
                        .body("items[0].action", equalTo("CREATE"))
                        .body("items[0].actor", equalTo("service:reform-pilot-service"))
                        .body("items[0].requestId", equalTo(pilot == hejiang ? "sys-killed-1" : "sys-killed-2"));
            }
            // 合江县 holds both programmes' designations now
            given().baseUri(registry.url()).header("Authorization", READER).when().get("/api/v1/counties/510522?asOf=2026-03-01")
                    .then().statusCode(200)
                    .body("designations.findAll { it.typeCode == 'REFORM_PILOT' }.source",
                            org.hamcrest.Matchers.containsInAnyOrder("reform-pilot:programme/1", source));
        } finally {
            pilots.stop();
            registry.stop();
        }
    }

    private static JsonPath relay(String baseUri) {
        return given().baseUri(baseUri).header("Authorization", ADMIN).when().post("/api/v1/registry-sync/relay")
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath pilot(String baseUri, long id) {
        return given().baseUri(baseUri).header("Authorization", READER).when().get("/api/v1/pilots/" + id)
                .then().statusCode(200).extract().jsonPath();
    }
}
