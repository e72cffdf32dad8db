package cn.sc.countyeconomy.reformpilot;

import cn.sc.countyeconomy.api.testing.Problems;
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
class ReformAreaResourceTest {

    @Test
    void listsTheReformAreasInChinese() {
        given().header("Authorization", TestTokens.bearer("reader"))
                .when().get("/api/v1/reform-areas")
                .then().statusCode(200)
                .body("", hasSize(8))
                .body("[6].code", equalTo("URBAN_RURAL_INTEGRATION"))
                .body("[6].name", equalTo("城乡融合发展"));
    }

    @Test
    void unknownCodeIsAProblem404() {
        given().header("Authorization", TestTokens.bearer("reader"))
                .when().get("/api/v1/reform-areas/NO_SUCH_CODE")
                .then().spec(Problems.problem(404, "not-found"));
    }
}
