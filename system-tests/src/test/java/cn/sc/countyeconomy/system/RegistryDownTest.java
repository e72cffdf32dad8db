package cn.sc.countyeconomy.system;

import cn.sc.countyeconomy.api.testing.TestTokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The real registry stops while reform-pilot-service runs: reads go on, an approval answers 503
 * with Retry-After and changes nothing. (A pair of services of its own, so the shared ones stay up.)
 */
class RegistryDownTest {

    @Test
    void whenTheRegistryStopsApprovalIs503AndReadsGoOn() {
        ServiceProcess registry = Suite.startDedicated("county-registry-service", "registry_down", null);
        ServiceProcess pilots = Suite.startDedicated("reform-pilot-service", "reform_pilot_down", registry.url());
        try {
            long pilot = ReformPilotWithRegistryTest.nominate(pilots.url(), ReformPilotWithRegistryTest.programId(pilots.url()), "510115");
            registry.stop();

            ReformPilotWithRegistryTest.transition(pilots.url(), pilot, "APPROVED", "2024-04-01", "sys-down")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("type", equalTo("urn:problem-type:sc-county-economy:dependency-unavailable"));
            given().baseUri(pilots.url()).header("Authorization", TestTokens.bearer("reader"))
                    .when().get("/api/v1/pilots/" + pilot)
                    .then().statusCode(200)
                    .body("status", equalTo("NOMINATED"))
                    .body("designationId", equalTo(null))
                    .body("version", equalTo(0));
        } finally {
            pilots.stop();
            registry.stop();
        }
    }
}
