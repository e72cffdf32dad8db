package cn.sc.countyeconomy.assessment;

import cn.sc.countyeconomy.api.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@TestProfile(AssessmentTestProfile.class)
class IndicatorAreaResourceTest {

    @Test
    void listsTheFiveAreasInChinese() {
        given().header("Authorization", TestTokens.bearer("reader"))
                .when().get("/api/v1/indicator-areas")
                .then().statusCode(200)
                .body("", hasSize(5))
                .body("[4].code", equalTo("RISK_CONTROL"))
                .body("[4].name", equalTo("风险防控"));
    }

    @Test
    void unknownCodeIsAProblem404() {
        given().header("Authorization", TestTokens.bearer("reader"))
                .when().get("/api/v1/indicator-areas/NO_SUCH_CODE")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
