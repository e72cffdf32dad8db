package cn.sc.countyeconomy.reformpilot;

import cn.sc.countyeconomy.api.testing.Problems;
import cn.sc.countyeconomy.api.testing.TestClock;
import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Deadlines that tell the truth, through the API: overdue pilots, the critical path, planned order, owners and progress. */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class DeadlineTruthTest extends ApiTest {

    @Test
    void theNineSeededPilotsOf2020AreOverdueToday() throws Exception {
        TestClock.today(TestClock.DEFAULT_TODAY); // 2026-06-30: the 2020 programme's deadline, 2025-12-31, has passed
        List<Integer> seeded = new java.util.ArrayList<>();
        for (String[] row : SeedAndDemoDataTest.csvRows()) {
            JsonPath page = given().header("Authorization", READER).queryParam("programId", 1).queryParam("countyCode", row[0])
                    .when().get("/api/v1/pilots/at-risk").then().statusCode(200).extract().jsonPath();
            assertEquals(1, page.getInt("totalItems"), row[0]);
            assertEquals("OVERDUE", page.getString("items[0].assessment"), row[0]);
            assertEquals(true, page.getBoolean("items[0].risk"), row[0]);
            org.hamcrest.MatcherAssert.assertThat(page.getString("items[0].explanation"),
                    startsWith("the deadline 2025-12-31 has passed (181 days ago) and the pilot is not accepted"));
            seeded.add(page.getInt("items[0].pilotId"));
        }
        assertEquals(9, seeded.size());
        given().header("Authorization", READER).when().get("/api/v1/programs/1/dashboard").then().statusCode(200)
                .body("today", equalTo("2026-06-30"))
                .body("daysToDeadline", equalTo(-181))
                .body("overdue", hasItems(seeded.toArray()))
                .body("atRisk.pilotId", hasItems(seeded.toArray()))
                .body("atRisk[0].assessment", equalTo("OVERDUE"));
        // on the deadline day itself they were not yet overdue
        TestClock.today(LocalDate.of(2025, 12, 31));
        given().header("Authorization", READER).when().get("/api/v1/programs/1/dashboard").then().statusCode(200)
                .body("overdue", org.hamcrest.Matchers.not(hasItems(seeded.get(0))));
    }

    /** The unit test's hand-worked case (DeadlineProjectionTest) through the API: 3 -> 4 -> 5 ends 2026-01-31. */
    @Test
    void theCriticalPathOfAPilotWithALateMilestoneIsExplained() {
        TestClock.today(LocalDate.of(2024, 10, 1));
        long program = newProgram(LocalDate.of(2025, 12, 31));
        long p = nominateRaw(program, "510112", "2023-11-01", EDITOR).statusCode(201).extract().jsonPath().getLong("id");
        transition(p, "APPROVED", "2023-12-01");
        transition(p, "IMPLEMENTING", "2024-01-01");
        createTask(p);
        long m1 = milestone(p, "方案出台", "2024-03-31", "DONE", "2024-03-31");
        long m2 = milestone(p, "试点启动", "2024-06-30", "DONE", "2024-06-30");
        for (int i = 0; i < 4; i++) {
            milestone(p, "配套文件" + i, "2024-05-31", "DONE", "2024-05-31");
        }
        long m3 = milestone(p, "平台建设", "2024-08-31", "IN_PROGRESS", null, m2);
        long m4 = milestone(p, "制度完善", "2025-08-31", "PLANNED", null, m3);
        long m5 = milestone(p, "总结验收", "2025-12-31", "PLANNED", null, m4);
        milestone(p, "宣传推广", "2025-11-30", "PLANNED", null, m1);
        given().header("Authorization", READER).queryParam("programId", program).when().get("/api/v1/pilots/at-risk").then()
                .statusCode(200)
                .body("items[0].pilotId", equalTo((int) p))
                .body("items[0].assessment", equalTo("AT_RISK"))
                .body("items[0].daysElapsed", equalTo(274)).body("items[0].daysNeeded", equalTo(183))
                .body("items[0].paceFinish", equalTo("2025-04-02"))
                .body("items[0].plannedFinish", equalTo("2026-01-31"))
                .body("items[0].criticalPath", contains((int) m3, (int) m4, (int) m5))
                .body("items[0].projectedFinish", equalTo("2026-01-31"))
                .body("items[0].explanation", containsString("finishing 2024-10-01) -> " + m4));
    }

    @Test
    void aDependentCannotBePlannedBeforeItsPredecessorNorAPredecessorMovedAfterIt() {
        long p = pilotIn(newProgram(), "510113", "IMPLEMENTING");
        createTask(p);
        long first = milestone(p, "方案出台", "2024-09-30", "PLANNED", null);
        milestoneRaw(p, "试点启动", "2024-09-29", "PLANNED", null, List.of(first))
                .spec(Problems.problem(422, "business-rule-violated")).body("rule", equalTo("planned-before-dependency"))
                .body("blockedBy", contains((int) first));
        long second = milestone(p, "试点启动", "2024-09-30", "PLANNED", null, first);
        // moving the predecessor after its dependent is refused the same way
        Map<String, Object> body = new HashMap<>(Map.of("title", "方案出台", "plannedDate", "2024-10-01", "status", "PLANNED"));
        given().header("Authorization", EDITOR).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/milestones/" + first).then()
                .spec(Problems.problem(422, "business-rule-violated")).body("rule", equalTo("planned-after-dependent"))
                .body("dependents", contains((int) second));
        given().header("Authorization", READER).when().get("/api/v1/milestones/" + first).then().statusCode(200)
                .body("plannedDate", equalTo("2024-09-30")).body("version", equalTo(0));
    }

    @Test
    void aMilestoneHasAnOwnerAndPercentDone() {
        long p = pilotIn(newProgram(), "510114", "IMPLEMENTING");
        createTask(p);
        Map<String, Object> body = new HashMap<>(Map.of("title", "平台建设", "plannedDate", "2024-12-31", "status", "IN_PROGRESS",
                "owner", "县农业农村局", "percentDone", 40));
        long id = given().header("Authorization", EDITOR).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/pilots/" + p + "/milestones").then().statusCode(201)
                .body("owner", equalTo("县农业农村局")).body("percentDone", equalTo(40)).extract().jsonPath().getLong("id");
        body.put("percentDone", 100);
        given().header("Authorization", EDITOR).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/milestones/" + id).then()
                .spec(Problems.problem(422, "validation-failed")).body("violations[0].field", equalTo("percentDone"));
        body.put("percentDone", 101);
        given().header("Authorization", EDITOR).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/milestones/" + id).then()
                .spec(Problems.problem(422, "validation-failed")).body("violations[0].field", equalTo("percentDone"));
        body.put("status", "DONE");
        body.put("actualDate", "2024-10-20");
        body.remove("percentDone");
        given().header("Authorization", EDITOR).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/milestones/" + id).then().statusCode(200).body("percentDone", equalTo(100))
                .body("owner", equalTo("县农业农村局"));
    }
}
