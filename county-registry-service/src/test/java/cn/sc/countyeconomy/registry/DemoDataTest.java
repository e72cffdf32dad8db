package cn.sc.countyeconomy.registry;

import cn.sc.countyeconomy.api.testing.PostgresTestResource;
import cn.sc.countyeconomy.api.testing.Problems;
import cn.sc.countyeconomy.api.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class DemoDataTest {

    static final String ADMIN = TestTokens.bearer("admin");

    @Test
    void everyCountyGetsASyntheticCategoryOnceAndRealOnesAreKept() {
        int counties = given().header("Authorization", ADMIN).when().get("/api/v1/counties?asOf=2031-12-31&size=1")
                .then().statusCode(200).extract().jsonPath().getInt("totalItems");
        given().header("Authorization", ADMIN).contentType("application/json").body("{\"years\":[2031]}")
                .when().post("/api/v1/demo-data")
                .then().statusCode(200).body("[0].year", equalTo(2031)).body("[0].assigned", equalTo(counties));
        given().header("Authorization", ADMIN).when().get("/api/v1/category-assignments?year=2031&size=500")
                .then().statusCode(200)
                .body("totalItems", equalTo(counties))
                .body("items.source", everyItem(startsWith("SYNTHETIC")));
        // a county with a real 2018 category keeps it: 510504 龙马潭区 was a city core district
        given().header("Authorization", ADMIN).when().get("/api/v1/category-assignments?year=2031&size=500")
                .then().body("items.find { it.countyCode == '510504' }.categoryCode", equalTo("CITY_CORE_DISTRICT"));
        // a repeat assigns nothing
        given().header("Authorization", ADMIN).contentType("application/json").body("{\"years\":[2031]}")
                .when().post("/api/v1/demo-data")
                .then().statusCode(200).body("[0].assigned", equalTo(0)).body("[0].alreadyAssigned", equalTo(counties));
    }

    @Test
    void onlyAnUnscopedAdminMayLoadItAndYearsAreChecked() {
        given().header("Authorization", TestTokens.bearer("editor")).contentType("application/json").body("{\"years\":[2032]}")
                .when().post("/api/v1/demo-data").then().spec(Problems.problem(403, "forbidden"));
        given().header("Authorization", TestTokens.bearerForCounties(List.of("510522"), "admin")).contentType("application/json")
                .body("{\"years\":[2032]}").when().post("/api/v1/demo-data").then().spec(Problems.problem(403, "forbidden"));
        given().header("Authorization", ADMIN).contentType("application/json").body("{\"years\":[1800]}")
                .when().post("/api/v1/demo-data").then().spec(Problems.problem(422, "validation-failed"));
        given().header("Authorization", ADMIN).contentType("application/json").body("{\"years\":[2032,2032]}")
                .when().post("/api/v1/demo-data").then().spec(Problems.problem(422, "validation-failed"));
        given().header("Authorization", ADMIN).when().get("/api/v1/category-assignments?year=2032")
                .then().statusCode(200).body("totalItems", equalTo(0));
    }
}
