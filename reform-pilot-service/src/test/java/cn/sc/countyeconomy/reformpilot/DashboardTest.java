package cn.sc.countyeconomy.reformpilot;

import cn.sc.countyeconomy.api.testing.TestClock;
import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/**
 * The programme dashboard and the overdue / at-risk lists, on a programme built for the test with
 * "today" fixed at 2024-01-01 and the figures worked out by hand in the comments.
 */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class DashboardTest extends ApiTest {

    long program;
    long a;
    long b;
    long c;

    private long implementingSince2021(String county) {
        long id = nominateRaw(program, county, "2020-12-01", EDITOR).statusCode(201).extract().jsonPath().getLong("id");
        transition(id, "APPROVED", "2020-12-15");
        transition(id, "IMPLEMENTING", "2021-01-01");
        createTask(id);
        return id;
    }

    /**
     * today 2024-01-01, deadline 2025-12-31 (730 days away). Implementation of A, B, C began 2021-01-01 (1095 days ago).
     * A: 3 done, 2 left -> ceil(2 x 1095 / 3) = 730 days -> 2025-12-31 (its planned chain ends 2025-06-30): ON_TRACK.
     * B: 3 done, 3 left -> 1095 days -> 2026-12-31: AT_RISK; one left is overdue (2023-12-01), one due (2024-01-20).
     * C: 0 done, 2 left, three years into implementation -> AT_RISK (no progress at all); one due (2024-01-15).
     * D: nominated only, not active.
     */
    private void build() {
        TestClock.today(LocalDate.of(2024, 1, 1));
        program = newProgram(LocalDate.of(2025, 12, 31));
        a = implementingSince2021("510181");
        b = implementingSince2021("510182");
        c = implementingSince2021("510183");
        nominateRaw(program, "510184", "2023-12-01", EDITOR).statusCode(201);
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
        milestone(c, "方案出台", "2024-01-15", "PLANNED", null);
        milestone(c, "总结验收", "2024-05-01", "PLANNED", null);
        // A reports for 2023-Q4 (due 2024-01-15); B and C do not
        given().header("Authorization", EDITOR).contentType(ContentType.JSON)
                .body(Map.of("period", "2023-Q4", "status", "ON_TRACK", "narrative", "按计划推进"))
                .when().post("/api/v1/pilots/" + a + "/reports").then().statusCode(201).body("late", equalTo(false));
    }

    @Test
    void dashboardFiguresMatchTheHandWorkedCase() {
        build();
        given().header("Authorization", READER).when().get("/api/v1/programs/" + program + "/dashboard").then().statusCode(200)
                .body("today", equalTo("2024-01-01"))
                .body("deadline", equalTo("2025-12-31"))
                .body("daysToDeadline", equalTo(730))
                .body("pilotsByStatus.NOMINATED", equalTo(1))
                .body("pilotsByStatus.IMPLEMENTING", equalTo(3))
                .body("pilotsByStatus.ACCEPTED", equalTo(0))
                .body("milestones.total", equalTo(13))
                .body("milestones.done", equalTo(6))
                .body("milestones.overdue", equalTo(1))
                .body("milestones.due", equalTo(2))
                .body("milestones.dueWindowDays", equalTo(30))
                .body("atRisk", hasSize(2))
                .body("atRisk.pilotId", contains((int) b, (int) c))
                .body("atRisk[0].pilotId", equalTo((int) b))
                .body("atRisk[0].countyName", equalTo("彭州市"))
                .body("atRisk[0].daysElapsed", equalTo(1095))
                .body("atRisk[0].daysNeeded", equalTo(1095))
                .body("atRisk[0].projectedFinish", equalTo("2026-12-31"))
                .body("atRisk[1].explanation", containsString("no progress at all"))
                .body("overdue", hasSize(0))
                .body("noData", hasSize(0))
                .body("projections.pilotId", contains((int) b, (int) c, (int) a))
                .body("projections.find { it.pilotId == " + a + " }.assessment", equalTo("ON_TRACK"))
                .body("projections.find { it.pilotId == " + a + " }.plannedFinish", equalTo("2025-06-30"))
                .body("projections.find { it.pilotId == " + a + " }.projectedFinish", equalTo("2025-12-31"))
                .body("reports.period", equalTo("2023-Q4"))
                .body("reports.dueDate", equalTo("2024-01-15"))
                .body("reports.missing.pilotId", containsInAnyOrder((int) b, (int) c))
                .body("reports.missing.overdue", contains(false, false));
        // two weeks later the missing reports are overdue
        TestClock.today(LocalDate.of(2024, 1, 16));
        given().header("Authorization", READER).when().get("/api/v1/programs/" + program + "/dashboard").then().statusCode(200)
                .body("reports.missing.overdue", contains(true, true));
    }

    @Test
    void atRiskAndOverdueListsFilterAndExportAsCsvInChinese() {
        build();
        given().header("Authorization", READER).queryParam("programId", program).when().get("/api/v1/pilots/at-risk")
                .then().statusCode(200).header("X-Total-Count", "2")
                .body("items[0].pilotId", equalTo((int) b)).body("items[0].assessment", equalTo("AT_RISK"));
        given().header("Authorization", READER).queryParam("programId", program).queryParam("assessment", "AT_RISK,NO_DATA,ON_TRACK")
                .queryParam("sort", "pilotId,desc")
                .when().get("/api/v1/pilots/at-risk").then().statusCode(200)
                .body("items.pilotId", contains((int) c, (int) b, (int) a));
        given().header("Authorization", READER).queryParam("programId", program).queryParam("countyCode", "510181")
                .when().get("/api/v1/pilots/at-risk").then().statusCode(200).body("totalItems", equalTo(0));

        String csv = given().header("Authorization", READER).header("Accept", "text/csv").queryParam("programId", program)
                .when().get("/api/v1/pilots/at-risk").then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asString();
        String[] lines = csv.split("\r?\n");
        org.junit.jupiter.api.Assertions.assertEquals(3, lines.length, csv);
        org.hamcrest.MatcherAssert.assertThat(lines[0], startsWith("pilotId,programId,countyCode,countyName"));
        org.hamcrest.MatcherAssert.assertThat(lines[1], containsString("510182,彭州市,IMPLEMENTING,2021-01-01,3,3,1095,1095,2026-12-31,2025-12-31,AT_RISK"));

        given().header("Authorization", READER).queryParam("programId", program).when().get("/api/v1/milestones/overdue")
                .then().statusCode(200).body("items", hasSize(1))
                .body("items[0].title", equalTo("政策配套")).body("items[0].daysOverdue", equalTo(31))
                .body("items[0].leadingTask", equalTo("深化农村集体产权制度改革"));
        given().header("Authorization", READER).queryParam("programId", program).queryParam("areaCode", "MODERN_INDUSTRY")
                .when().get("/api/v1/milestones/overdue").then().statusCode(200).body("items", hasSize(0));
        String overdueCsv = given().header("Authorization", READER).header("Accept", "text/csv").queryParam("programId", program)
                .when().get("/api/v1/milestones/overdue").then().statusCode(200).extract().asString();
        org.hamcrest.MatcherAssert.assertThat(overdueCsv, containsString("彭州市,深化农村集体产权制度改革,URBAN_RURAL_INTEGRATION,政策配套,IN_PROGRESS,2023-12-01,31"));

        given().header("Authorization", READER).queryParam("programId", program).queryParam("period", "2023-Q4")
                .when().get("/api/v1/reports/missing").then().statusCode(200)
                .body("countyName", containsInAnyOrder("彭州市", "邛崃市"));
    }

    @Test
    void aProgrammeWithoutDeadlineSaysSo() {
        TestClock.today(LocalDate.of(2024, 1, 1));
        program = newProgram(null);
        long p = implementingSince2021("510185");
        milestone(p, "方案出台", "2021-06-30", "DONE", "2021-06-30");
        milestone(p, "总结验收", "2025-06-30", "PLANNED", null);
        given().header("Authorization", READER).when().get("/api/v1/programs/" + program + "/dashboard").then().statusCode(200)
                .body("daysToDeadline", equalTo(null))
                .body("projections[0].assessment", equalTo("NO_DEADLINE"))
                // 1 left x 1095 / 1 done = 1095 days
                .body("projections[0].projectedFinish", equalTo("2026-12-31"));
    }
}
