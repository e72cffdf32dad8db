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
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Dependencies between milestones: no cycles, same pilot only, DONE only after what it depends on. */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class MilestoneRulesTest extends ApiTest {

    private static io.restassured.response.ValidatableResponse put(long id, String title, String planned, String status,
            String actual, List<Long> deps) {
        long version = given().header("Authorization", READER).when().get("/api/v1/milestones/" + id)
                .then().statusCode(200).extract().jsonPath().getLong("version");
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("plannedDate", planned);
        body.put("status", status);
        body.put("actualDate", actual);
        body.put("dependsOn", deps);
        return given().header("Authorization", EDITOR).header("If-Match", "\"" + version + "\"").contentType(ContentType.JSON)
                .body(body).when().put("/api/v1/milestones/" + id).then();
    }

    private static long implementingPilotWithTask(String county) {
        long id = pilotIn(newProgram(), county, "IMPLEMENTING");
        createTask(id);
        return id;
    }

    @Test
    void aCycleIsRefusedNamingItsPath() {
        long pilot = implementingPilotWithTask("511402");
        long a = milestone(pilot, "制定方案", "2024-04-30", "PLANNED", null);
        long b = milestone(pilot, "出台政策", "2024-06-30", "PLANNED", null, a);
        long c = milestone(pilot, "全面推开", "2024-09-30", "PLANNED", null, b);
        // a -> c would close a -> c -> b -> a
        put(a, "制定方案", "2024-04-30", "PLANNED", null, List.of(c)).spec(Problems.problem(422, "business-rule-violated"))
                .body("rule", equalTo("dependency-cycle"))
                .body("cycle", contains((int) a, (int) c, (int) b, (int) a))
                .body("detail", containsString(a + " -> " + c + " -> " + b + " -> " + a));
        // nothing changed
        given().header("Authorization", READER).when().get("/api/v1/milestones/" + a).then().body("dependsOn.size()", equalTo(0));
    }

    @Test
    void aMilestoneCannotDependOnItself() {
        long pilot = implementingPilotWithTask("511002");
        long a = milestone(pilot, "制定方案", "2024-04-30", "PLANNED", null);
        put(a, "制定方案", "2024-04-30", "PLANNED", null, List.of(a)).spec(Problems.problem(422, "business-rule-violated"))
                .body("rule", equalTo("dependency-cycle")).body("cycle", contains((int) a, (int) a));
    }

    @Test
    void dependenciesMustBeMilestonesOfTheSamePilot() {
        long p1 = implementingPilotWithTask("511403");
        long p2 = implementingPilotWithTask("511421");
        long other = milestone(p2, "外县节点", "2024-04-30", "PLANNED", null);
        milestoneRaw(p1, "本县节点", "2024-05-30", "PLANNED", null, List.of(other))
                .spec(Problems.problem(422, "business-rule-violated")).body("rule", equalTo("dependency-other-pilot"));
        milestoneRaw(p1, "本县节点", "2024-05-30", "PLANNED", null, List.of(99999999L))
                .spec(Problems.problem(422, "validation-failed")).body("violations[0].field", equalTo("dependsOn[0]"));
    }

    @Test
    void doneBeforeItsDependenciesAreDoneIsRefused() {
        long pilot = implementingPilotWithTask("511423");
        long a = milestone(pilot, "制定方案", "2024-04-30", "IN_PROGRESS", null);
        long b = milestone(pilot, "出台政策", "2024-06-30", "PLANNED", null, a);
        put(b, "出台政策", "2024-06-30", "DONE", "2024-07-01", List.of(a)).spec(Problems.problem(422, "business-rule-violated"))
                .body("rule", equalTo("dependency-not-done")).body("blockedBy", contains((int) a));
        milestoneRaw(pilot, "新节点", "2024-06-30", "DONE", "2024-07-01", List.of(a))
                .spec(Problems.problem(422, "business-rule-violated")).body("rule", equalTo("dependency-not-done"));

        put(a, "制定方案", "2024-04-30", "DONE", "2024-05-10", List.of()).statusCode(200);
        // still refused when it would be done before the dependency was
        put(b, "出台政策", "2024-06-30", "DONE", "2024-05-01", List.of(a)).spec(Problems.problem(422, "business-rule-violated"))
                .body("rule", equalTo("done-before-dependency"));
        put(b, "出台政策", "2024-06-30", "DONE", "2024-07-01", List.of(a)).statusCode(200).body("status", equalTo("DONE"));
        // and the dependency cannot be reopened under a DONE dependent
        put(a, "制定方案", "2024-04-30", "IN_PROGRESS", null, List.of()).spec(Problems.problem(422, "business-rule-violated"))
                .body("rule", equalTo("dependents-done")).body("dependents", contains((int) b));
    }

    @Test
    void actualDateGoesWithDoneAndIsNotInTheFuture() {
        long pilot = implementingPilotWithTask("511424");
        milestoneRaw(pilot, "节点", "2024-04-30", "DONE", null, List.of()).spec(Problems.problem(422, "validation-failed"))
                .body("violations[0].field", equalTo("actualDate"));
        milestoneRaw(pilot, "节点", "2024-04-30", "PLANNED", "2024-04-30", List.of()).spec(Problems.problem(422, "validation-failed"))
                .body("violations[0].field", equalTo("actualDate"));
        milestoneRaw(pilot, "节点", "2024-04-30", "DONE", "2024-10-21", List.of()).spec(Problems.problem(422, "validation-failed"))
                .body("detail", containsString("future"));
    }

    @Test
    void milestonesNeedALeadingTaskAndAWritablePilot() {
        long pilot = pilotIn(newProgram(), "511425", "IMPLEMENTING");
        milestoneRaw(pilot, "节点", "2024-04-30", "PLANNED", null, List.of()).spec(Problems.problem(422, "business-rule-violated"))
                .body("rule", equalTo("leading-task-required"));
        long accepted = pilotIn(newProgram(), "511503", "ACCEPTED");
        given().header("Authorization", EDITOR).contentType(ContentType.JSON)
                .body(Map.of("title", "任务", "areaCode", "MODERN_INDUSTRY", "responsibleUnit", "县发改局"))
                .when().post("/api/v1/pilots/" + accepted + "/leading-task").then()
                .spec(Problems.problem(422, "business-rule-violated")).body("rule", equalTo("pilot-final"));
    }

    @Test
    void aMilestoneOthersDependOnCannotBeDeleted() {
        long pilot = implementingPilotWithTask("511504");
        long a = milestone(pilot, "制定方案", "2024-04-30", "PLANNED", null);
        long b = milestone(pilot, "出台政策", "2024-06-30", "PLANNED", null, a);
        long va = given().header("Authorization", READER).when().get("/api/v1/milestones/" + a).then().extract().jsonPath().getLong("version");
        given().header("Authorization", EDITOR).header("If-Match", "\"" + va + "\"").when().delete("/api/v1/milestones/" + a)
                .then().spec(Problems.problem(409, "conflict")).body("dependents", contains((int) b));
        long vb = given().header("Authorization", READER).when().get("/api/v1/milestones/" + b).then().extract().jsonPath().getLong("version");
        given().header("Authorization", EDITOR).header("If-Match", "\"" + vb + "\"").when().delete("/api/v1/milestones/" + b)
                .then().statusCode(204);
        given().header("Authorization", EDITOR).header("If-Match", "\"" + va + "\"").when().delete("/api/v1/milestones/" + a)
                .then().statusCode(204);
        given().header("Authorization", READER).when().get("/api/v1/milestones/" + a).then().spec(Problems.problem(404, "not-found"));
    }

    @Test
    void leadingTaskAreaMustBeOneOfTheProgrammesAreas() {
        long pilot = pilotIn(newProgram(), "511523", "IMPLEMENTING");
        given().header("Authorization", EDITOR).contentType(ContentType.JSON)
                .body(Map.of("title", "任务", "areaCode", "COMMUNITY_GOVERNANCE", "responsibleUnit", "县委组织部"))
                .when().post("/api/v1/pilots/" + pilot + "/leading-task").then()
                .spec(Problems.problem(422, "validation-failed")).body("violations[0].field", equalTo("areaCode"));
        createTask(pilot);
        given().header("Authorization", EDITOR).contentType(ContentType.JSON)
                .body(Map.of("title", "第二个任务", "areaCode", "MODERN_INDUSTRY", "responsibleUnit", "县发改局"))
                .when().post("/api/v1/pilots/" + pilot + "/leading-task").then().spec(Problems.problem(409, "conflict"));
        given().header("Authorization", READER).when().get("/api/v1/pilots/" + pilot + "/leading-task").then().statusCode(200)
                .body("title", equalTo("深化农村集体产权制度改革")).body("responsibleUnit", equalTo("县委改革办"));
    }
}
