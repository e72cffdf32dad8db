package cn.sc.countyeconomy.registry;

import cn.sc.countyeconomy.api.testing.AuthorizationMatrix;
import cn.sc.countyeconomy.api.testing.OpenApiOperations;
import cn.sc.countyeconomy.api.testing.PostgresTestResource;
import cn.sc.countyeconomy.api.testing.TestTokens;
import cn.sc.countyeconomy.registry.api.NewCategoryAssignment;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation of the registry's OpenAPI document x (no token; reader, editor, approver, admin, each
 * unlimited, limited to 510522 and limited to 510104): the answer is the one the document states. The
 * designation and category assignment (year 2045, used by no other test) the resource operations change are a seeded REFORM_PILOT designation and a category assignment made for 510522 first.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class AuthorizationMatrixTest {

    static final String HOME = "510522";

    @Test
    void everyOperationAnswersAsItsDeclaredRuleSays() {
        var first = given().header("Authorization", TestTokens.bearer("reader")).get("/api/v1/designations?type=REFORM_PILOT&size=1")
                .then().statusCode(200).extract().jsonPath();
        long designation = first.getLong("items[0].id");
        assertEquals(HOME, first.getString("items[0].countyCode"), "the seeded designation the matrix changes");
        long assignment = created("/api/v1/category-assignments", new NewCategoryAssignment(HOME, 2045, "MAIN_FARM_PRODUCE", "authorization matrix"));
        AuthorizationMatrix.Result result = AuthorizationMatrix.of(OpenApiOperations.load())
                .counties(HOME, "510104")
                .pathValue("/api/v1/designations/{id}", "id", designation)
                .pathValue("/api/v1/category-assignments/{id}", "id", assignment)
                .pathValue("/api/v1/prefectures/{code}", "code", "510500")
                .run();
        System.out.println("Authorization matrix of county-registry-service: " + result.report());
        assertTrue(result.failures().isEmpty(), result.report());
        assertEquals(java.util.List.of(), result.unresolved(), "resource operations whose county the matrix could not resolve");
    }

    private static long created(String collection, Object body) {
        return given().header("Authorization", TestTokens.bearer("admin")).contentType("application/json").body(body)
                .post(collection).then().log().ifValidationFails().statusCode(201).extract().jsonPath().getLong("id");
    }
}
