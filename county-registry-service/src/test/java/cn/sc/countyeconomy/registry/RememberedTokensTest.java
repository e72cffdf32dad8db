package cn.sc.countyeconomy.registry;

import cn.sc.countyeconomy.api.security.VerifiedTokens;
import cn.sc.countyeconomy.api.testing.PostgresTestResource;
import cn.sc.countyeconomy.api.testing.Problems;
import cn.sc.countyeconomy.api.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The verified-token cache of api-conventions ({@link VerifiedTokens}) in a service: it looks into the bean, so it
 * runs against the application in the test JVM only (not in the packaged-jar conventions suite).
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class RememberedTokensTest {

    @Inject
    VerifiedTokens verifiedTokens;

    @Test
    void aRememberedTokenIsOnlyTheExactTokenThatWasVerified() {
        String token = TestTokens.bearer("reader");
        long before = verifiedTokens.size();
        given().header("Authorization", token).when().get("/api/v1/counties/510522").then().statusCode(200);
        assertEquals(before + 1, verifiedTokens.size(), "the verified token is remembered");
        given().header("Authorization", token).when().get("/api/v1/counties/510522").then().statusCode(200);
        assertEquals(before + 1, verifiedTokens.size(), "the second use hits the remembered token");

        String[] parts = token.substring("Bearer ".length()).split("\\.");
        char last = parts[2].charAt(parts[2].length() - 2);
        String otherSignature = parts[2].substring(0, parts[2].length() - 2) + (last == 'A' ? 'B' : 'A') + parts[2].charAt(parts[2].length() - 1);
        given().header("Authorization", "Bearer " + parts[0] + "." + parts[1] + "." + otherSignature)
                .when().get("/api/v1/counties/510522").then().spec(Problems.problem(401, "unauthenticated"));
        String adminClaims = TestTokens.bearer("admin").substring("Bearer ".length()).split("\\.")[1];
        given().header("Authorization", "Bearer " + parts[0] + "." + adminClaims + "." + parts[2])
                .when().get("/api/v1/audit").then().spec(Problems.problem(401, "unauthenticated"));

        String expired = TestTokens.expiredBearer("reader");
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", expired).when().get("/api/v1/counties/510522")
                    .then().spec(Problems.problem(401, "unauthenticated"));
        }
        assertEquals(before + 1, verifiedTokens.size(), "refused tokens are not remembered");
    }
}
