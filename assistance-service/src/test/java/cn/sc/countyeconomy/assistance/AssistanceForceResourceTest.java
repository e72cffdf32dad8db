package cn.sc.countyeconomy.assistance;

import cn.sc.countyeconomy.api.testing.TestTokens;
import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class AssistanceForceResourceTest {

    @Test
    void listsTheFiveForcesInChinese() {
        given().header("Authorization", TestTokens.bearer("reader"))
                .when().get("/api/v1/forces")
                .then().statusCode(200)
                .body("", hasSize(5))
                .body("[1].code", equalTo("EAST_WEST_COOPERATION"))
                .body("[1].name", equalTo("东西部协作"));
    }

    @Test
    void unknownCodeIsAProblem404() {
        given().header("Authorization", TestTokens.bearer("reader"))
                .when().get("/api/v1/forces/NO_SUCH_CODE")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
