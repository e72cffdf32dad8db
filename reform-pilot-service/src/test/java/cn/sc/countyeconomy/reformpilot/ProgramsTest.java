package cn.sc.countyeconomy.reformpilot;

import cn.sc.countyeconomy.api.testing.Problems;
import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class ProgramsTest extends ApiTest {

    private static Map<String, Object> body(String code) {
        Map<String, Object> b = new HashMap<>();
        b.put("code", code);
        b.put("name", "县域城乡融合发展改革试点");
        b.put("nameEn", "Urban-rural integration pilots");
        b.put("approvingBody", "四川省");
        b.put("launchDate", "2022-01-01");
        b.put("deadline", "2025-12-31");
        b.put("reformAreas", List.of("URBAN_RURAL_INTEGRATION"));
        b.put("batches", List.of(Map.of("number", 1), Map.of("number", 2)));
        return b;
    }

    @Test
    void programmeRulesAreCheckedAndNamed() {
        Map<String, Object> bad = body("PROGRAMME-RULES-BAD");
        bad.put("reformAreas", List.of("URBAN_RURAL_INTEGRATION", "SPACE_PROGRAMME"));
        bad.put("deadline", "2021-12-31");
        bad.put("batches", List.of(Map.of("number", 1), Map.of("number", 1)));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(bad).when().post("/api/v1/programs")
                .then().spec(Problems.problem(422, "validation-failed"))
                .body("violations.field", hasItems("reformAreas[1]", "deadline", "batches[1].number"));

        String code = "PROGRAMME-RULES";
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body(code)).when().post("/api/v1/programs")
                .then().statusCode(201).body("batches.number", hasItems(1, 2));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body(code)).when().post("/api/v1/programs")
                .then().spec(Problems.problem(409, "conflict"));
    }

    @Test
    void aBatchWithPilotsCannotBeRemovedButTheProgrammeCanChange() {
        String code = "BATCH-IN-USE";
        long program = given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body(code))
                .when().post("/api/v1/programs").then().statusCode(201).extract().jsonPath().getLong("id");
        given().header("Authorization", EDITOR).contentType(ContentType.JSON)
                .body(Map.of("programId", program, "batch", 2, "countyCode", "511722", "nominatedOn", "2024-01-10", "reason", "申报"))
                .when().post("/api/v1/pilots").then().statusCode(201);
        given().header("Authorization", EDITOR).contentType(ContentType.JSON)
                .body(Map.of("programId", program, "batch", 3, "countyCode", "511302", "nominatedOn", "2024-01-10", "reason", "申报"))
                .when().post("/api/v1/pilots").then().spec(Problems.problem(422, "validation-failed"))
                .body("violations[0].field", equalTo("batch"));

        Map<String, Object> withoutBatch2 = body(code);
        withoutBatch2.put("batches", List.of(Map.of("number", 1)));
        given().header("Authorization", ADMIN).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(withoutBatch2)
                .when().put("/api/v1/programs/" + program).then().spec(Problems.problem(422, "business-rule-violated"))
                .body("rule", equalTo("batch-in-use"));
        Map<String, Object> renamed = body(code);
        renamed.put("name", "县域城乡融合发展改革试点（调整）");
        renamed.put("batches", List.of(Map.of("number", 1), Map.of("number", 2, "announcedOn", "2023-03-01")));
        given().header("Authorization", ADMIN).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(renamed)
                .when().put("/api/v1/programs/" + program).then().statusCode(200)
                .body("name", equalTo("县域城乡融合发展改革试点（调整）")).body("batches[1].announcedOn", equalTo("2023-03-01"));
    }

    @Test
    void nominationDatesMustFitTheProgramme() {
        long program = newProgram();
        nominateRaw(program, "511303", "2019-12-31", EDITOR).spec(Problems.problem(422, "business-rule-violated"))
                .body("rule", equalTo("nomination-before-launch"));
        nominateRaw(program, "511303", "2024-10-21", EDITOR).spec(Problems.problem(422, "validation-failed"))
                .body("violations[0].field", equalTo("nominatedOn"));
        nominateRaw(program, "511303", "2024-01-10", EDITOR).statusCode(201);
        nominateRaw(program, "511303", "2024-01-11", EDITOR).spec(Problems.problem(409, "conflict"));
    }
}
