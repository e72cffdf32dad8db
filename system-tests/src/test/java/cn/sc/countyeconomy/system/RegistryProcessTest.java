package cn.sc.countyeconomy.system;

import cn.sc.countyeconomy.api.testing.TestTokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** The packaged registry, as a client on the network sees it. */
class RegistryProcessTest {

    @Test
    void thePackagedRegistryAnswersAChineseNameAndKeepsTheRequestId() {
        given().baseUri(Suite.registry().url())
                .header("Authorization", TestTokens.bearer("reader"))
                .header("X-Request-Id", "system-test-1")
                .when().get("/api/v1/counties/510522")
                .then().statusCode(200)
                .header("X-Request-Id", equalTo("system-test-1"))
                .header("ETag", notNullValue())
                .body("name", equalTo("合江县"));
    }

    @Test
    void openEndpointsNeedNoToken() {
        given().baseUri(Suite.registry().url()).when().get("/q/health/ready").then().statusCode(200);
        given().baseUri(Suite.registry().url()).when().get("/q/openapi").then().statusCode(200);
        given().baseUri(Suite.registry().url()).when().get("/q/swagger-ui/").then().statusCode(200);
        given().baseUri(Suite.registry().url()).when().get("/q/metrics").then().statusCode(200);
        given().baseUri(Suite.registry().url()).when().get("/api/v1/counties/510522").then().statusCode(401);
    }
}
