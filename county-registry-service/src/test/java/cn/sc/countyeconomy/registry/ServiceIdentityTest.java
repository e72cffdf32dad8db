package cn.sc.countyeconomy.registry;

import cn.sc.countyeconomy.api.testing.PostgresTestResource;
import cn.sc.countyeconomy.api.testing.Problems;
import cn.sc.countyeconomy.api.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Service identities of their own (issue 11): a token signed with a service's key (kid = its name) is that
 * service with only the roles the registry grants it ({@code api.trusted-services."<name>".roles}), whatever
 * groups or counties it claims; its subject must be {@code service:<kid>}; every token must name the registry in
 * its audience and be younger than an hour.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class ServiceIdentityTest {

    private static final String REFORM_PILOT_CLAIMING_ADMIN = TestTokens.serviceBearer("reform-pilot-service", "admin");

    private static ValidatableResponse designate(String auth, String type, String county) {
        return given().header("Authorization", auth).contentType("application/json")
                .body(Map.of("typeCode", type, "countyCode", county, "validFrom", "2026-02-01", "sourceRef", "ServiceIdentityTest",
                        "note", "测试", "source", "reform-pilot:programme/8801"))
                .when().post("/api/v1/designations").then();
    }

    @Test
    void aServiceTokenClaimingAdminGetsOnlyTheRolesGrantedToThatService() {
        // reform-pilot-service is granted editor: a correction (admin) is refused although the token claims admin
        given().header("Authorization", REFORM_PILOT_CLAIMING_ADMIN).header("If-Match", "\"0\"").contentType("application/json")
                .body(Map.of("name", "篡改县")).when().put("/api/v1/counties/510104")
                .then().spec(Problems.problem(403, "forbidden"));
        given().header("Authorization", REFORM_PILOT_CLAIMING_ADMIN).when().get("/api/v1/audit")
                .then().spec(Problems.problem(403, "forbidden"));
        // assessment-service is granted reader: it reads, and may not designate
        String assessment = TestTokens.serviceBearer("assessment-service", "admin", "editor");
        given().header("Authorization", assessment).when().get("/api/v1/counties/510104").then().statusCode(200);
        designate(assessment, "REFORM_PILOT", "510522").spec(Problems.problem(403, "forbidden"));
        // a service the registry does not list has no role at all
        given().header("Authorization", TestTokens.serviceBearer("api-conventions", "admin")).when().get("/api/v1/counties/510104")
                .then().spec(Problems.problem(403, "forbidden"));
    }

    @Test
    void reformPilotServiceMayDesignateReformPilotsOnlyAndItsCountiesClaimIsIgnored() {
        // the token claims counties [510104]; 510522 is designated all the same: a service is limited by its types
        designate(REFORM_PILOT_CLAIMING_ADMIN, "REFORM_PILOT", "510522").statusCode(201)
                .body("typeCode", equalTo("REFORM_PILOT"));
        designate(REFORM_PILOT_CLAIMING_ADMIN, "UNDERDEVELOPED_COUNTY", "510522").spec(Problems.problem(403, "forbidden"));
    }

    @Test
    void aTokenWhoseSubjectIsNotItsServiceKidIsRefused() {
        given().header("Authorization", TestTokens.serviceBearerWithSubject("reform-pilot-service", "test-user", "admin"))
                .when().get("/api/v1/counties/510104").then().spec(Problems.problem(401, "unauthenticated"));
        given().header("Authorization", TestTokens.serviceBearerWithSubject("reform-pilot-service", "service:assessment-service", "reader"))
                .when().get("/api/v1/counties/510104").then().spec(Problems.problem(401, "unauthenticated"));
    }

    @Test
    void aUserTokenWithoutTheRegistryInItsAudienceIsRefused() {
        given().header("Authorization", TestTokens.bearerWithoutAudience("admin")).when().get("/api/v1/counties/510104")
                .then().spec(Problems.problem(401, "unauthenticated"));
        given().header("Authorization", TestTokens.bearer("reader")).when().get("/api/v1/counties/510104").then().statusCode(200);
    }

    @Test
    void aTokenOlderThanAnHourIsRefusedEvenBeforeItExpires() {
        given().header("Authorization", TestTokens.bearerIssuedAgo(Duration.ofMinutes(65), "reader"))
                .when().get("/api/v1/counties/510104").then().spec(Problems.problem(401, "unauthenticated"));
        given().header("Authorization", TestTokens.bearerIssuedAgo(Duration.ofMinutes(50), "reader"))
                .when().get("/api/v1/counties/510104").then().statusCode(200);
    }
}
