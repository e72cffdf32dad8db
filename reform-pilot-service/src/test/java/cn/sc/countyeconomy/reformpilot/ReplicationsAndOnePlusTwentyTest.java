package cn.sc.countyeconomy.reformpilot;

import cn.sc.countyeconomy.api.testing.Problems;
import cn.sc.countyeconomy.api.testing.TestTokens;
import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Experiences record the counties that replicated them and when; the "1+20" programme (seeded as
 * programme 2) takes nominations into its batch 1. Today is 2026-06-30 (TestClock).
 */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class ReplicationsAndOnePlusTwentyTest extends ApiTest {

    private static long experienceOf(long pilot) {
        return given().header("Authorization", EDITOR).contentType(ContentType.JSON)
                .body(Map.of("pilotId", pilot, "title", "宅基地有偿退出", "description", "农户自愿有偿退出宅基地，复垦指标入市",
                        "tags", List.of("宅基地改革")))
                .when().post("/api/v1/experiences").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static ValidatableResponse replicate(long experience, String county, String date, String token) {
        Map<String, Object> body = new HashMap<>(Map.of("countyCode", county, "replicatedOn", date));
        body.put("note", "县委深改委会议决定推广");
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/experiences/" + experience + "/replications").then();
    }

    @Test
    void anExperienceRecordsWhichCountiesReplicatedItAndWhenOrderedByDate() {
        // the pilot in 511603 implements from 2024-03-01 (pilotIn)
        long experience = experienceOf(pilotIn(newProgram(), "511603", "IMPLEMENTING"));
        replicate(experience, "511602", "2024-09-01", EDITOR).statusCode(201)
                .body("replications.countyCode", contains("511602"))
                .body("replications[0].countyName", equalTo("广安区"))
                .body("replications[0].replicatedOn", equalTo("2024-09-01"));
        replicate(experience, "511621", "2024-07-15", EDITOR).statusCode(201);
        given().header("Authorization", READER).when().get("/api/v1/experiences/" + experience).then().statusCode(200)
                .body("replications.countyCode", contains("511621", "511602"))
                .body("replications.replicatedOn", contains("2024-07-15", "2024-09-01"))
                .body("replications[0].countyName", equalTo("岳池县"));
        given().header("Authorization", READER).queryParam("replicatedIn", "511621").when().get("/api/v1/experiences").then()
                .statusCode(200).body("items.id", hasItem((int) experience));
        given().header("Authorization", READER).queryParam("replicatedIn", "511622").when().get("/api/v1/experiences").then()
                .statusCode(200).body("items.id", not(hasItem((int) experience)));
    }

    @Test
    void aReplicationIsRefusedInThePilotsOwnCountyBeforeThePilotInTheFutureTwiceOrForAnUnknownCounty() {
        long experience = experienceOf(pilotIn(newProgram(), "511622", "IMPLEMENTING"));
        replicate(experience, "511622", "2024-09-01", EDITOR).spec(Problems.problem(422, "business-rule-violated"))
                .body("rule", equalTo("replication-in-pilot-county"));
        replicate(experience, "511602", "2024-02-29", EDITOR).spec(Problems.problem(422, "business-rule-violated"))
                .body("rule", equalTo("replication-before-pilot"));
        replicate(experience, "511602", "2026-07-01", EDITOR).spec(Problems.problem(422, "validation-failed"))
                .body("violations[0].field", equalTo("replicatedOn"));
        replicate(experience, "519999", "2024-09-01", EDITOR).spec(Problems.problem(422, "business-rule-violated"))
                .body("rule", equalTo("county-unknown"));
        replicate(experience, "511602", "2024-03-01", EDITOR).statusCode(201);
        replicate(experience, "511602", "2024-10-01", EDITOR).spec(Problems.problem(409, "conflict"));
        replicate(experience, "511621", "2024-10-01", TestTokens.bearerForCounties(List.of("511602"), "editor"))
                .spec(Problems.problem(403, "forbidden"));
        replicate(999999, "511621", "2024-10-01", EDITOR).spec(Problems.problem(404, "not-found"));
        given().header("Authorization", READER).when().get("/api/v1/experiences/" + experience).then()
                .body("replications.countyCode", contains("511602"));
    }

    @Test
    void theOnePlusTwentyProgrammeTakesNominationsIntoItsBatch() {
        given().header("Authorization", READER).when().get("/api/v1/programs/2").then().statusCode(200)
                .body("batches.number", contains(1))
                .body("batches[0].announcedOn", nullValue());
        nominateRaw(2, "511923", "2024-01-10", EDITOR).statusCode(201)
                .body("programId", equalTo(2)).body("batch", equalTo(1)).body("countyName", equalTo("平昌县"))
                .body("status", equalTo("NOMINATED"));
    }
}
