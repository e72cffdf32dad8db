package cn.sc.countyeconomy.system;

import cn.sc.countyeconomy.api.testing.TestTokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Pairings are allowed only for counties the real registry designates underdeveloped on the date. */
class AssistanceWithRegistryTest {

    static long organisation(String baseUri) {
        return given().baseUri(baseUri).header("Authorization", TestTokens.bearer("editor")).contentType("application/json")
                .body("{\"name\":\"四川省测试厅\",\"nameEn\":\"Test department\",\"kind\":\"PROVINCIAL_DEPARTMENT\"}")
                .when().post("/api/v1/organisations").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void anUnderdevelopedCountyCanBePairedAndAnotherCannot() {
        String assistance = Suite.assistance().url();
        long org = organisation(assistance);
        // 511133 马边彝族自治县 is one of the 39 in the registry
        given().baseUri(assistance).header("Authorization", TestTokens.bearer("editor")).contentType("application/json")
                .body("{\"organisationId\":" + org + ",\"countyCode\":\"511133\",\"validFrom\":\"2024-01-01\"}")
                .when().post("/api/v1/pairings").then().statusCode(201).body("countyCode", equalTo("511133"));
        // 510104 锦江区 is not
        given().baseUri(assistance).header("Authorization", TestTokens.bearer("editor")).contentType("application/json")
                .body("{\"organisationId\":" + org + ",\"countyCode\":\"510104\",\"validFrom\":\"2024-01-01\"}")
                .when().post("/api/v1/pairings").then().statusCode(422).contentType("application/problem+json");
    }
}
