package cn.sc.countyeconomy.reformpilot;

import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The OpenAPI document describes every operation: summary, success answer, problem answers, bearer auth. */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class OpenApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationIsDocumented() {
        JsonPath doc = given().accept("application/json").queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        assertNotNull(doc.get("components.schemas.Problem"));
        assertNotNull(doc.get("components.securitySchemes.bearer"));
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/v1/")) {
                continue;
            }
            for (var op : path.getValue().entrySet()) {
                if (!List.of("get", "post", "put", "delete", "patch").contains(op.getKey())) {
                    continue;
                }
                operations++;
                Map<String, Object> o = (Map<String, Object>) op.getValue();
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                Map<String, Object> responses = (Map<String, Object>) o.get("responses");
                if (o.get("summary") == null) {
                    missing.add(where + ": summary");
                }
                if (responses == null || responses.keySet().stream().noneMatch(k -> k.startsWith("2"))) {
                    missing.add(where + ": success response");
                }
                if (responses == null || !responses.containsKey("401") || !responses.containsKey("403")) {
                    missing.add(where + ": 401/403");
                }
                if (o.get("security") == null) {
                    missing.add(where + ": security");
                }
            }
        }
        assertEquals(List.of(), missing);
        org.junit.jupiter.api.Assertions.assertTrue(operations >= 30, "operations: " + operations);
    }
}
