package cn.sc.countyeconomy.registry;

import cn.sc.countyeconomy.api.testing.PostgresTestResource;
import cn.sc.countyeconomy.api.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class CountyResourceTest {

    @Test
    void readsARealCountyInChinese() {
        given().header("Authorization", TestTokens.bearer("reader"))
                .when().get("/api/v1/counties/510522")
                .then().statusCode(200)
                .header("ETag", notNullValue())
                .body("code", equalTo("510522"))
                .body("name", equalTo("合江县"))
                .body("type", equalTo("COUNTY"))
                .body("prefectureCode", equalTo("510500"));
    }

    @Test
    void unknownCodeIsAProblem404() {
        given().header("Authorization", TestTokens.bearer("reader"))
                .when().get("/api/v1/counties/519999")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:problem-type:sc-county-economy:not-found"))
                .body("status", equalTo(404))
                .body("requestId", notNullValue());
    }

    @Test
    void withoutATokenIs401() {
        given().when().get("/api/v1/counties/510522")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"));
    }
}
