package cn.sc.countyeconomy.assistance;

import cn.sc.countyeconomy.api.testing.CsvRows;
import cn.sc.countyeconomy.api.testing.TestClock;
import cn.sc.countyeconomy.registry.client.testing.RegistryStub;
import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static cn.sc.countyeconomy.assistance.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reports against figures worked out by hand. Only this class writes data for counties
 * 513436 (the county under test) and 513437 (a listed county with nothing at all), so the figures
 * are exact whatever else the other tests write.
 *
 * <pre>
 * County 513436, year 2025. Organisations: D (provincial department), E (eastern partner), S (provincial SOE),
 * D2 (a second department, paired, no project). All paired from 2025-01-01.
 * Projects                           plan                       status on 2025-12-31             on schedule?
 *   P1 lead D, key, SHORT            2025-02-01 .. 2025-10-31   COMPLETED 2025-10-15            yes (ended before plan)
 *   P2 lead E, MEDIUM                2025-03-01 .. 2026-06-30   IN_PROGRESS                     yes (plan ends after asOf)
 *   P3 lead S, LONG                  2025-04-01 .. 2027-12-31   PIPELINE (should have started)  no
 *   P4 lead D, SHORT                 2025-05-01 .. 2025-11-30   IN_PROGRESS past its planned end no
 *   -> 2 of 4 = 0.5000
 * Transactions (CNY)                        committed        disbursed        spent
 *   P1 2025-02-01 / 03-15 / 04-20           1000000.00       600000.00        250000.50
 *   P2 2024-12-20 (not in 2025)              (100000.00)
 *   P2 2025-03-01 / 07-10                   500000.25        200000.25
 *   P2 2026-01-05 (not in 2025)                              (50000.00)
 *   P3 2025-10-01, 10-02                    0.10 + 0.20
 *   P4 2025-05-02 / 11-05 / 11-20           300000.00        300000.00        100000.00
 *   2025 totals                             1800000.55       1100000.25       350000.50
 *   by force: PROVINCIAL_TARGETED (D)       1300000.00       900000.00        350000.50
 *             EAST_WEST_COOPERATION (E)     500000.25        200000.25        0.00
 *             PROVINCIAL_SOE (S)            0.30             0.00             0.00
 * Disbursement rate up to 2025-12-31: 1100000.25 / (1800000.55 + 100000.00) = 0.578947.. -> 0.5789
 * Training 2025: 200 + 180 = 380 (the 2024 record of 1000 does not count) -> below 500
 * Cadres 2025: 3 (the exchange starting 2024-11-01 with 5 does not count)
 * Tasks with a 2025 deadline: T1 done on time, T2 done late, T3 open -> 1 of 3 = 0.3333; overdue today: T3 only
 * Forces present: PROVINCIAL_TARGETED, EAST_WEST_COOPERATION, PROVINCIAL_SOE = 3 of 5
 * Effectiveness: TRAINING 25 x 380/500 = 19.00; DISBURSEMENT_RATE 25 x 0.5789 = 14.4725 -> 14.47;
 *   PROJECTS_ON_SCHEDULE 25 x 0.5 = 12.50; FORCES_PRESENT 15 x 3/5 = 9.00; TASKS_ON_TIME 10 x 0.3333 = 3.333 -> 3.33
 *   score = 19.00 + 14.47 + 12.50 + 9.00 + 3.33 = 58.30
 * </pre>
 */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportFiguresTest {

    static final String COUNTY = DesignatedCounties.LIST_A;
    static final RestAssuredConfig EXACT = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    long d;
    long e;
    long s;
    long d2;
    String dName;

    static RequestSpecification reader() {
        return as("reader").config(EXACT);
    }

    static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    boolean seeded;

    /** Once per class; in @BeforeEach because RestAssured knows the test port only then. */
    @BeforeEach
    void seed() {
        CircuitBreakerMaintenance.get().resetAll();
        DesignatedCounties.install();
        if (seeded) {
            return;
        }
        seeded = true;
        dName = Api.unique("四川省交通运输厅（测试）");
        d = Api.organisation(dName, "PROVINCIAL_DEPARTMENT");
        e = Api.organisation(Api.unique("浙江省宁波市"), "EASTERN_PARTNER");
        s = Api.organisation(Api.unique("四川省能源投资集团"), "PROVINCIAL_SOE");
        d2 = Api.organisation(Api.unique("四川省教育厅"), "PROVINCIAL_DEPARTMENT");
        for (long org : List.of(d, e, s, d2)) {
            Api.pairing(org, COUNTY, "2025-01-01");
        }
        long p1 = Api.project(d, COUNTY, "2025-02-01", "2025-10-31", true, "SHORT");
        long p2 = Api.project(e, COUNTY, "2025-03-01", "2026-06-30", false, "MEDIUM");
        long p3 = Api.project(s, COUNTY, "2025-04-01", "2027-12-31", false, "LONG");
        long p4 = Api.project(d, COUNTY, "2025-05-01", "2025-11-30", false, "SHORT");
        Api.transition(p1, "APPROVED", "2025-01-20");
        Api.transition(p1, "IN_PROGRESS", "2025-02-01");
        Api.transition(p1, "COMPLETED", "2025-10-15");
        Api.transition(p2, "APPROVED", "2025-02-01");
        Api.transition(p2, "IN_PROGRESS", "2025-03-10");
        Api.transition(p4, "APPROVED", "2025-04-01");
        Api.transition(p4, "IN_PROGRESS", "2025-05-02");

        Api.transaction(p1, "COMMITMENT", "2025-02-01", "1000000.00").then().statusCode(201);
        Api.transaction(p1, "DISBURSEMENT", "2025-03-15", "600000.00").then().statusCode(201);
        Api.transaction(p1, "EXPENDITURE", "2025-04-20", "250000.50").then().statusCode(201);
        Api.transaction(p2, "COMMITMENT", "2024-12-20", "100000.00").then().statusCode(201);
        Api.transaction(p2, "COMMITMENT", "2025-03-01", "500000.25").then().statusCode(201);
        Api.transaction(p2, "DISBURSEMENT", "2025-07-10", "200000.25").then().statusCode(201);
        Api.transaction(p2, "DISBURSEMENT", "2026-01-05", "50000.00").then().statusCode(201);
        Api.transaction(p3, "COMMITMENT", "2025-10-01", "0.10").then().statusCode(201);
        Api.transaction(p3, "COMMITMENT", "2025-10-02", "0.20").then().statusCode(201);
        Api.transaction(p4, "COMMITMENT", "2025-05-02", "300000.00").then().statusCode(201);
        Api.transaction(p4, "DISBURSEMENT", "2025-11-05", "300000.00").then().statusCode(201);
        Api.transaction(p4, "EXPENDITURE", "2025-11-20", "100000.00").then().statusCode(201);

        training(2025, 200, "VOCATIONAL_SKILLS");
        training(2025, 180, "AGRICULTURAL_TECHNIQUE");
        training(2024, 1000, "VOCATIONAL_SKILLS");
        cadres("2025-03-01", "2025-09-01", 3);
        cadres("2024-11-01", "2025-04-30", 5);

        task("T1", "2025-06-30", "2025-06-15");
        task("T2", "2025-09-30", "2025-10-10");
        task("T3", "2025-12-01", null);
        task("T4", TestClock.today().plusDays(30).toString(), null);
    }

    private void training(int year, int people, String kind) {
        as("editor").body("{\"countyCode\":\"" + COUNTY + "\",\"year\":" + year + ",\"organiserOrganisationId\":" + d
                + ",\"organiserName\":\"" + dName + "\",\"peopleTrained\":" + people + ",\"kind\":\"" + kind + "\"}")
                .post("/api/v1/training-records").then().statusCode(201);
    }

    private void cadres(String from, String to, int people) {
        as("editor").body("{\"countyCode\":\"" + COUNTY + "\",\"organisationId\":" + e + ",\"kind\":\"TEMPORARY_POST\",\"periodStart\":\""
                + from + "\",\"periodEnd\":\"" + to + "\",\"people\":" + people + "}").post("/api/v1/cadre-exchanges").then().statusCode(201);
    }

    private void task(String title, String deadline, String doneOn) {
        long id = as("editor").body("{\"countyCode\":\"" + COUNTY + "\",\"title\":\"" + title + "\",\"responsibleUnit\":\"美姑县帮扶工作队\","
                + "\"deadline\":\"" + deadline + "\"}").post("/api/v1/tasks").then().statusCode(201).extract().jsonPath().getLong("id");
        if (doneOn != null) {
            as("editor").header("If-Match", "\"0\"").body("{\"title\":\"" + title + "\",\"responsibleUnit\":\"美姑县帮扶工作队\",\"deadline\":\""
                    + deadline + "\",\"status\":\"DONE\",\"completedOn\":\"" + doneOn + "\"}")
                    .put("/api/v1/tasks/" + id).then().statusCode(200);
        }
    }

    @Test
    void theCountyPageMatchesTheHandWorkedFigures() {
        reader().queryParam("year", "2025").get("/api/v1/counties/" + COUNTY + "/assistance").then().statusCode(200)
                .body("totals.committed", equalTo(dec("1800000.55")))
                .body("totals.disbursed", equalTo(dec("1100000.25")))
                .body("totals.spent", equalTo(dec("350000.50")))
                .body("byForce.key", contains("PROVINCIAL_TARGETED", "EAST_WEST_COOPERATION", "PROVINCIAL_PAIRED", "PROVINCIAL_SOE", "CENTRAL_SOE"))
                .body("byForce[0].committed", equalTo(dec("1300000.00")))
                .body("byForce[0].disbursed", equalTo(dec("900000.00")))
                .body("byForce[0].spent", equalTo(dec("350000.50")))
                .body("byForce[1].committed", equalTo(dec("500000.25")))
                .body("byForce[1].disbursed", equalTo(dec("200000.25")))
                .body("byForce[2].committed", equalTo(dec("0.00")))
                .body("byForce[3].committed", equalTo(dec("0.30")))
                .body("byOrganisation.key", contains(String.valueOf(d), String.valueOf(e), String.valueOf(s)))
                .body("byOrganisation[0].name", equalTo(dName))
                .body("byOrganisation[0].committed", equalTo(dec("1300000.00")))
                .body("projectsByStatus.COMPLETED", equalTo(1))
                .body("projectsByStatus.IN_PROGRESS", equalTo(2))
                .body("projectsByStatus.PIPELINE", equalTo(1))
                .body("projectsByStatus.CANCELLED", equalTo(0))
                .body("projectsByTerm.SHORT", equalTo(2))
                .body("projectsByTerm.MEDIUM", equalTo(1))
                .body("projectsByTerm.LONG", equalTo(1))
                .body("training.actual", equalTo(380))
                .body("training.target", equalTo(500))
                .body("training.met", equalTo(false))
                .body("cadres", equalTo(3))
                .body("tasks", equalTo(4))
                .body("overdueTaskCount", equalTo(1))
                .body("overdueTasks[0].title", equalTo("T3"))
                .body("forces.findAll { it.present }.code", contains("PROVINCIAL_TARGETED", "EAST_WEST_COOPERATION", "PROVINCIAL_SOE"))
                .body("forces[1].name", equalTo("东西部协作"));
        // 2024: only the commitment of 2024-12-20; no pairing yet, so no force present
        reader().queryParam("year", "2024").get("/api/v1/counties/" + COUNTY + "/assistance").then().statusCode(200)
                .body("totals.committed", equalTo(dec("100000.00")))
                .body("totals.disbursed", equalTo(dec("0.00")))
                .body("training.actual", equalTo(1000))
                .body("training.met", equalTo(true))
                .body("forces.findAll { it.present }", org.hamcrest.Matchers.empty());
    }

    @Test
    void theEffectivenessScoreMatchesTheDocumentedMethod() {
        reader().queryParam("year", "2025").get("/api/v1/counties/" + COUNTY + "/effectiveness").then().statusCode(200)
                .body("countyCode", equalTo(COUNTY))
                .body("year", equalTo(2025))
                .body("score", equalTo(dec("58.30")))
                .body("components.code", contains("TRAINING", "DISBURSEMENT_RATE", "PROJECTS_ON_SCHEDULE", "FORCES_PRESENT", "TASKS_ON_TIME"))
                .body("components[0].value", equalTo(380))
                .body("components[0].target", equalTo(500))
                .body("components[0].weight", equalTo(25))
                .body("components[0].contribution", equalTo(dec("19.00")))
                .body("components[1].value", equalTo(dec("0.5789")))
                .body("components[1].contribution", equalTo(dec("14.47")))
                .body("components[2].value", equalTo(dec("0.5000")))
                .body("components[2].contribution", equalTo(dec("12.50")))
                .body("components[3].value", equalTo(3))
                .body("components[3].target", equalTo(5))
                .body("components[3].contribution", equalTo(dec("9.00")))
                .body("components[4].value", equalTo(dec("0.3333")))
                .body("components[4].contribution", equalTo(dec("3.33")))
                .body("method", containsString("min(1, value / target)"));
        // exactly the members assessment-service reads, nothing else at the top level
        Map<String, Object> top = reader().queryParam("year", "2025").get("/api/v1/counties/" + COUNTY + "/effectiveness").as(Map.class);
        assertEquals(java.util.Set.of("countyCode", "year", "status", "reason", "score", "components", "method"), top.keySet());
        assertEquals("AVAILABLE", top.get("status"));
        // a county with nothing scores 0.00, not an error
        reader().queryParam("year", "2025").get("/api/v1/counties/" + DesignatedCounties.LIST_B + "/effectiveness").then().statusCode(200)
                .body("score", equalTo(dec("0.00")));
        as("reader").get("/api/v1/counties/" + COUNTY + "/effectiveness").then()
                .spec(cn.sc.countyeconomy.api.testing.Problems.problem(400, "invalid-parameter"));
        as("reader").queryParam("year", "2025").get("/api/v1/counties/51343X/effectiveness").then()
                .spec(cn.sc.countyeconomy.api.testing.Problems.problem(400, "invalid-parameter"));
    }

    @Test
    void summariesByForceAndOverTime() {
        reader().queryParam("groupBy", "force").queryParam("year", "2025").queryParam("countyCode", COUNTY)
                .get("/api/v1/summaries/funds").then().statusCode(200)
                .body("key", contains("EAST_WEST_COOPERATION", "PROVINCIAL_SOE", "PROVINCIAL_TARGETED"))
                .body("name", contains("东西部协作", "省属国有企业帮扶", "省内定点帮扶"))
                .body("[2].committed", equalTo(dec("1300000.00")))
                .body("[2].spent", equalTo(dec("350000.50")))
                .body("[2].transactions", equalTo(6));
        // quarters, all years: 2024-Q4 100000.00 committed; 2025-Q1 1000000.00 + 500000.25 committed, 600000.00 disbursed;
        // 2025-Q2 300000.00 committed, 250000.50 spent; 2025-Q3 200000.25 disbursed; 2025-Q4 0.30 committed, 300000.00
        // disbursed, 100000.00 spent; 2026-Q1 50000.00 disbursed
        reader().queryParam("groupBy", "quarter").queryParam("countyCode", COUNTY).get("/api/v1/summaries/funds").then().statusCode(200)
                .body("key", contains("2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1"))
                .body("committed", contains(dec("100000.00"), dec("1500000.25"), dec("300000.00"), dec("0.00"), dec("0.30"), dec("0.00")))
                .body("disbursed", contains(dec("0.00"), dec("600000.00"), dec("0.00"), dec("200000.25"), dec("300000.00"), dec("50000.00")))
                .body("spent", contains(dec("0.00"), dec("0.00"), dec("250000.50"), dec("0.00"), dec("100000.00"), dec("0.00")));
        reader().queryParam("groupBy", "month").queryParam("year", "2025").queryParam("countyCode", COUNTY).get("/api/v1/summaries/funds")
                .then().statusCode(200)
                .body("key", contains("2025-02", "2025-03", "2025-04", "2025-05", "2025-07", "2025-10", "2025-11"))
                .body("find { it.key == '2025-03' }.committed", equalTo(dec("500000.25")))
                .body("find { it.key == '2025-03' }.disbursed", equalTo(dec("600000.00")));
        reader().queryParam("groupBy", "year").queryParam("countyCode", COUNTY).get("/api/v1/summaries/funds").then().statusCode(200)
                .body("key", contains("2024", "2025", "2026"))
                .body("[1].committed", equalTo(dec("1800000.55")));
        reader().queryParam("groupBy", "county").queryParam("year", "2025").queryParam("countyCode", COUNTY).get("/api/v1/summaries/funds")
                .then().statusCode(200).body("key", contains(COUNTY)).body("[0].disbursed", equalTo(dec("1100000.25")));
        as("reader").queryParam("groupBy", "weekday").get("/api/v1/summaries/funds").then()
                .spec(cn.sc.countyeconomy.api.testing.Problems.problem(400, "invalid-parameter"))
                .body("detail", containsString("groupBy"));
    }

    @Test
    void theCsvExportKeepsChineseNamesAndExactAmounts() {
        byte[] csv = as("reader").accept("text/csv").queryParam("groupBy", "organisation").queryParam("year", "2025")
                .queryParam("countyCode", COUNTY).get("/api/v1/summaries/funds")
                .then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("funds-by-organisation.csv"))
                .extract().asByteArray();
        List<Map<String, String>> rows = CsvRows.parse(csv);
        // one row per organisation with 2025 transactions in the county: D, E and S (D2 has no project)
        assertEquals(3, rows.size(), rows.toString());
        assertEquals(List.of("key", "name", "committed", "disbursed", "spent", "transactions"), List.copyOf(rows.get(0).keySet()));
        assertEquals(Map.of("key", String.valueOf(d), "name", dName, "committed", "1300000.00", "disbursed", "900000.00",
                "spent", "350000.50", "transactions", "6"), rows.get(0));
        assertTrue(rows.get(0).get("name").startsWith("四川省交通运输厅"), rows.get(0).get("name"));
        byte[] txCsv = as("reader").accept("text/csv").get("/api/v1/projects/" + firstProjectOf(d) + "/transactions")
                .then().statusCode(200).extract().asByteArray();
        String text = new String(txCsv, StandardCharsets.UTF_8);
        assertTrue(text.contains("省财政厅") && text.contains("1000000.00"), text);
    }

    private long firstProjectOf(long org) {
        return as("reader").queryParam("leadOrganisationId", org).queryParam("sort", "id,asc").get("/api/v1/projects")
                .then().statusCode(200).extract().jsonPath().getLong("items[0].id");
    }

    @Test
    void coverageNamesTheGapsAndServesFromTheCopyWhileTheRegistryIsDown() {
        CircuitBreakerMaintenance.get().resetAll();
        reader().queryParam("year", "2025").get("/api/v1/coverage").then().statusCode(200)
                .body("asOf", equalTo("2025-12-31"))
                .body("countiesSource", equalTo("registry-copy"))
                // every county designated on 2025-12-31 (513432 from 2025-01-01); 513435's designation ended in 2021
                .body("counties", equalTo(DesignatedCounties.DESIGNATED_IN_2025))
                .body("countiesMissingForces.find { it.countyCode == '" + COUNTY + "' }.missingForces", contains("PROVINCIAL_PAIRED", "CENTRAL_SOE"))
                .body("countiesMissingForces.find { it.countyCode == '" + DesignatedCounties.LIST_B + "' }.missingForces",
                        contains("PROVINCIAL_TARGETED", "EAST_WEST_COOPERATION", "PROVINCIAL_PAIRED", "PROVINCIAL_SOE", "CENTRAL_SOE"))
                .body("countiesMissingForces.countyCode", not(hasItem(DesignatedCounties.LIST_ENDED)))
                .body("countiesBelowTrainingTarget.find { it.countyCode == '" + COUNTY + "' }.trained", equalTo(380))
                .body("countiesBelowTrainingTarget.find { it.countyCode == '" + DesignatedCounties.LIST_B + "' }.trained", equalTo(0))
                .body("departmentsBelowKeyProjects.findAll { it.countyCode == '" + COUNTY + "' }.organisationId", contains((int) d2))
                .body("soesWithoutSignedAgreement.organisationId", hasItem((int) s))
                .body("provinceCadres.actual", equalTo(3))
                .body("provinceCadres.target", equalTo(100))
                .body("provinceCadres.met", equalTo(false));

        StubMapping outage = RegistryStub.down();
        try {
            reader().queryParam("year", "2025").get("/api/v1/coverage").then().statusCode(200)
                    .body("countiesSource", equalTo("registry-copy"))
                    .body("counties", equalTo(DesignatedCounties.DESIGNATED_IN_2025))
                    .body("provinceCadres.actual", equalTo(3));
        } finally {
            RegistryStub.up(outage);
            CircuitBreakerMaintenance.get().resetAll();
        }
    }

    @Test
    void anSoeWithASignedAgreementLeavesTheCoverageList() {
        long soe = Api.organisation(Api.unique("中国华电集团"), "CENTRAL_SOE");
        reader().queryParam("year", "2025").get("/api/v1/coverage").then().statusCode(200)
                .body("soesWithoutSignedAgreement.organisationId", hasItem((int) soe));
        long a = as("editor").body("{\"organisationId\":" + soe + ",\"countyCode\":\"" + COUNTY + "\",\"title\":\"共同富裕协议\","
                + "\"termStart\":\"2025-01-01\",\"termEnd\":\"2027-12-31\",\"annualAmount\":2000000.00,\"keyIndustries\":[\"清洁能源\",\"文旅\"]}")
                .post("/api/v1/agreements").then().statusCode(201).extract().jsonPath().getLong("id");
        reader().queryParam("year", "2025").get("/api/v1/coverage").then()
                .body("soesWithoutSignedAgreement.organisationId", hasItem((int) soe));
        as("approver").header("If-Match", "\"0\"").body("{\"status\":\"SIGNED\",\"date\":\"2025-01-10\"}")
                .post("/api/v1/agreements/" + a + "/status").then().statusCode(200);
        reader().queryParam("year", "2025").get("/api/v1/coverage").then()
                .body("soesWithoutSignedAgreement.organisationId", not(hasItem((int) soe)))
                .body("soesWithAgreement.actual", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("soesWithAgreement.target", equalTo(78));
        // each year on its own: the term [2025-01-01, 2027-12-31) does not run in 2024 nor in 2028
        reader().queryParam("year", "2024").get("/api/v1/coverage").then()
                .body("soesWithoutSignedAgreement.organisationId", hasItem((int) soe));
        reader().queryParam("year", "2027").get("/api/v1/coverage").then()
                .body("soesWithoutSignedAgreement.organisationId", not(hasItem((int) soe)));
        reader().queryParam("year", "2028").get("/api/v1/coverage").then()
                .body("soesWithoutSignedAgreement.organisationId", hasItem((int) soe));
    }

    @Test
    void aDepartmentWithMoreThanTwoKeyProjectsInACountyAndYearIsListedAboveTheMaximum() {
        long dept = Api.organisation(Api.unique("省交通运输厅"), "PROVINCIAL_DEPARTMENT");
        Api.pairing(dept, "513426", "2025-01-01");
        Api.project(dept, "513426", "2025-02-01", "2025-12-31", true, "SHORT");
        Api.project(dept, "513426", "2025-03-01", "2025-12-31", true, "SHORT");
        reader().queryParam("year", "2025").get("/api/v1/coverage").then().statusCode(200)
                .body("departmentsAboveKeyProjects.organisationId", not(hasItem((int) dept)));
        Api.project(dept, "513426", "2025-04-01", "2025-12-31", true, "SHORT");
        Api.project(dept, "513426", "2025-05-01", "2025-12-31", false, "SHORT");
        reader().queryParam("year", "2025").get("/api/v1/coverage").then().statusCode(200)
                .body("departmentsAboveKeyProjects.find { it.organisationId == " + dept + " }.keyProjects", equalTo(3))
                .body("departmentsAboveKeyProjects.find { it.organisationId == " + dept + " }.maximum", equalTo(2))
                .body("departmentsAboveKeyProjects.find { it.organisationId == " + dept + " }.countyCode", equalTo("513426"));
    }
}
