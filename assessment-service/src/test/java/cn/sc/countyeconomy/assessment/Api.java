package cn.sc.countyeconomy.assessment;

import cn.sc.countyeconomy.api.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** Requests as a role. */
final class Api {

    /** Numbers as double, not float: 66.666667 must not come back as 66.666664. */
    static final io.restassured.config.RestAssuredConfig DOUBLES = io.restassured.config.RestAssuredConfig.config().jsonConfig(
            io.restassured.config.JsonConfig.jsonConfig().numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));

    private Api() {
    }

    static RequestSpecification as(String... roles) {
        return given().config(DOUBLES).header("Authorization", TestTokens.bearer(roles)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    static long count(String path, Object... params) {
        return Long.parseLong(as("reader").queryParams(paramMap(params)).get(path).then().statusCode(200).extract().header("X-Total-Count"));
    }

    static java.util.Map<String, Object> paramMap(Object... kv) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2)
            m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
