package cn.sc.countyeconomy.reformpilot;

import cn.sc.countyeconomy.api.testing.DocumentedExamples;
import cn.sc.countyeconomy.api.testing.OpenApiOperations;
import cn.sc.countyeconomy.api.testing.Problems;
import cn.sc.countyeconomy.api.testing.TestClock;
import cn.sc.countyeconomy.maps.testing.SvgMap;
import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The pilot status map on a programme built for the test, as in DashboardTest: today 2024-01-01,
 * deadline 2025-12-31; A on schedule, B at risk, C too few milestones done, D nominated only.
 */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class PilotStatusMapTest extends ApiTest {

    private long implementingSince2021(long program, String county) {
        long id = nominateRaw(program, county, "2020-12-01", EDITOR).statusCode(201).extract().jsonPath().getLong("id");
        transition(id, "APPROVED", "2020-12-15");
        transition(id, "IMPLEMENTING", "2021-01-01");
        createTask(id);
        return id;
    }

    @Test
    void eachPilotCountyHasItsStatusFillAndTheLegendListsTheFourStatuses() throws Exception {
        TestClock.today(LocalDate.of(2024, 1, 1));
        long program = newProgram(LocalDate.of(2025, 12, 31));
        long a = implementingSince2021(program, "510112");
        long b = implementingSince2021(program, "510113");
        implementingSince2021(program, "510114");
        nominateRaw(program, "510115", "2023-12-01", EDITOR).statusCode(201);
        for (long p : List.of(a, b)) {
            milestone(p, "方案出台", "2021-06-30", "DONE", "2021-06-30");
            milestone(p, "试点启动", "2022-06-30", "DONE", "2022-07-15");
            milestone(p, "中期评估", "2023-06-30", "DONE", "2023-06-30");
        }
        milestone(a, "制度完善", "2024-06-30", "IN_PROGRESS", null);
        milestone(a, "总结验收", "2025-06-30", "PLANNED", null);
        milestone(b, "政策配套", "2023-12-01", "IN_PROGRESS", null);
        milestone(b, "平台建设", "2024-01-20", "PLANNED", null);
        milestone(b, "总结验收", "2025-03-31", "PLANNED", null);

        String svg = given().header("Authorization", READER).accept("image/svg+xml").queryParam("programId", program)
                .get("/api/v1/maps/pilots").then().statusCode(200).contentType(startsWith("image/svg+xml")).extract().asString();
        SvgMap map = SvgMap.kept("pilots.svg", svg).assertWellFormedMap(183, "as of 2024-01-01, deadline 2025-12-31", false);
        Map<String, String> classOf = map.classByCounty();
        assertEquals("0", classOf.get("510112"), "A: ON_TRACK, the first class");
        assertEquals("1", classOf.get("510113"), "B: AT_RISK");
        assertEquals("no-data", classOf.get("510114"), "C: too few milestones to project");
        assertEquals("no-data", classOf.get("510115"), "D: nominated only");
        assertEquals(179, classOf.values().stream().filter("not-applicable"::equals).count(), "no pilot in this programme");
        assertEquals(List.of("on track 按期推进", "at risk 存在风险", "overdue 已逾期", "accepted 已验收"), map.legendLabels());
    }

    @Test
    void anUnknownProgrammeIsA404AndAMalformedIdA400() {
        given().header("Authorization", READER).queryParam("programId", 987654).get("/api/v1/maps/pilots").then().spec(Problems.problem(404, "not-found"));
        given().header("Authorization", READER).queryParam("programId", "x").get("/api/v1/maps/pilots").then()
                .spec(Problems.problem(400, "invalid-parameter"));
    }

    /** Programme 1, the first batch of nine integrated reform pilots, as the service is seeded with it. */
    @Test
    void theDocumentedExampleAnswersTheMapOfTheSeededFirstBatch() {
        DocumentedExamples.Example example = DocumentedExamples.of(OpenApiOperations.load(), "getPilotStatusMap", null);
        assertEquals(Map.of("programId", "1"), example.query());
        SvgMap map = SvgMap.kept("example-pilots.svg", example.send().extract().asString()).assertWellFormedMap(183, "as of " + TODAY, false);
        Map<String, String> classOf = map.classByCounty();
        for (String county : List.of("510522", "511321", "511623", "511723", "511181", "511083", "510704", "510903", "511502")) {
            assertNotEquals("not-applicable", classOf.get(county), county + " is a pilot of the first batch");
        }
    }
}
