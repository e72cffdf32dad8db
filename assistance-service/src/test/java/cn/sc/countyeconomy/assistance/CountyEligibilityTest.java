package cn.sc.countyeconomy.assistance;

import cn.sc.countyeconomy.api.testing.Problems;
import cn.sc.countyeconomy.registry.client.testing.RegistryStub;
import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.sc.countyeconomy.assistance.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every county-keyed write of this service (pairings, agreements, training, cadre exchanges, tasks,
 * projects) needs the county designated UNDERDEVELOPED_COUNTY by the registry on every day of the
 * period the record covers, on create and when a change lengthens or moves that period. The dates come
 * from {@link DesignatedCounties}: {@value DesignatedCounties#LIST_ENDED} is designated from 2019-01-01
 * to 2021-01-01 (exclusive: 2020-12-31 is its last day), {@value DesignatedCounties#LATER} from
 * 2025-01-01, {@value DesignatedCounties#RENEWED} 2019-2024 and again from 2024-01-01.
 */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class CountyEligibilityTest {

    private static final String ENDED = DesignatedCounties.LIST_ENDED;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    @AfterEach
    void closeBreakers() {
        CircuitBreakerMaintenance.get().resetAll();
        DesignatedCounties.install();
    }

    /** The refusal: 422, rule county-not-underdeveloped, naming the county and the first day it is not designated. */
    private static void refused(ValidatableResponse answer, String county, String date) {
        answer.spec(Problems.problem(422, "business-rule-violated"))
                .body("rule", equalTo("county-not-underdeveloped"))
                .body("countyCode", equalTo(county))
                .body("date", equalTo(date))
                .body("detail", containsString(county))
                .body("detail", containsString(date));
    }

    private static Map<String, Object> pairing(long org, String county, String from, String to) {
        Map<String, Object> body = new HashMap<>(Map.of("organisationId", org, "countyCode", county, "validFrom", from));
        body.put("validTo", to);
        return body;
    }

    private static Response end(long pairing, String etag, String validTo) {
        Map<String, Object> body = new HashMap<>();
        body.put("validTo", validTo);
        return as("editor").header("If-Match", etag).body(body).put("/api/v1/pairings/" + pairing);
    }

    @Test
    void aPairingMustFallWithinTheDesignationOnEveryDay() {
        long org = Api.organisation(Api.unique("东部协作城市"), "EASTERN_PARTNER");
        // the designation's last day is 2020-12-31: a pairing up to that day is fine
        as("editor").body(pairing(org, ENDED, "2020-03-01", "2020-12-31")).post("/api/v1/pairings").then().statusCode(201);
        long other = Api.organisation(Api.unique("东部协作城市"), "EASTERN_PARTNER");
        refused(as("editor").body(pairing(other, ENDED, "2020-03-01", "2021-01-01")).post("/api/v1/pairings").then(), ENDED, "2021-01-01");
        // open-ended: it would outlive the designation
        refused(as("editor").body(pairing(other, ENDED, "2020-03-01", null)).post("/api/v1/pairings").then(), ENDED, "2021-01-01");
        // before the designation starts
        refused(as("editor").body(pairing(other, DesignatedCounties.LATER, "2024-12-01", "2025-06-30")).post("/api/v1/pairings").then(),
                DesignatedCounties.LATER, "2024-12-01");
        as("reader").queryParam("countyCode", ENDED).queryParam("organisationId", other).get("/api/v1/pairings").then()
                .body("totalItems", equalTo(0));
    }

    @Test
    void twoDesignationsThatFollowEachOtherCoverAPairingAcrossTheJoin() {
        long org = Api.organisation(Api.unique("省内结对市"), "PAIRED_CITY");
        as("editor").body(pairing(org, DesignatedCounties.RENEWED, "2023-06-01", null)).post("/api/v1/pairings").then().statusCode(201)
                .body("countyName", equalTo("越西县"));
    }

    @Test
    void extendingOrReopeningAPairingIsCheckedOverTheNewPeriodAndRefusedWritesNothing() {
        long org = Api.organisation(Api.unique("在川央企"), "CENTRAL_SOE");
        long id = as("editor").body(pairing(org, ENDED, "2020-01-01", "2020-06-30")).post("/api/v1/pairings")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        end(id, "\"0\"", "2020-12-31").then().statusCode(200).body("validTo", equalTo("2020-12-31")).header("ETag", equalTo("\"1\""));
        refused(end(id, "\"1\"", "2021-03-31").then(), ENDED, "2021-01-01");
        refused(end(id, "\"1\"", null).then(), ENDED, "2021-01-01");
        as("reader").get("/api/v1/pairings/" + id).then().statusCode(200).body("validTo", equalTo("2020-12-31"))
                .header("ETag", equalTo("\"1\""));
        assertEquals(List.of("CREATE", "UPDATE"), AuditRecords.of(dataSource, "Pairing", id).stream().map(AuditRecords.Row::action).toList());
    }

    /** Changed on purpose with the local copy (it was a 503): an extension is checked against the copy while the registry is down. */
    @Test
    void anExtensionIsCheckedAgainstTheCopyWhileTheRegistryIsDown() {
        long org = Api.organisation(Api.unique("省直部门"), "PROVINCIAL_DEPARTMENT");
        long id = as("editor").body(pairing(org, "513424", "2024-01-01", "2024-12-31")).post("/api/v1/pairings")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        long endedId = as("editor").body(pairing(org, ENDED, "2020-01-01", "2020-06-30")).post("/api/v1/pairings")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        var outage = RegistryStub.down();
        try {
            end(id, "\"0\"", "2025-12-31").then().statusCode(200).body("validTo", equalTo("2025-12-31"));
            refused(end(endedId, "\"0\"", "2021-03-31").then(), ENDED, "2021-01-01");
        } finally {
            RegistryStub.up(outage);
        }
        CircuitBreakerMaintenance.get().resetAll();
        as("reader").get("/api/v1/pairings/" + id).then().body("validTo", equalTo("2025-12-31"));
        as("reader").get("/api/v1/pairings/" + endedId).then().body("validTo", equalTo("2020-06-30"));
    }

    private static Map<String, Object> agreement(long soe, String county, String termStart, String termEnd) {
        return Map.of("organisationId", soe, "countyCode", county, "title", "共同富裕结对帮扶协议", "termStart", termStart, "termEnd", termEnd,
                "annualAmount", new BigDecimal("500000.00"), "keyIndustries", List.of("茶叶"));
    }

    @Test
    void anAgreementsTermMustBeCoveredUpToTheDayBeforeItsEnd() {
        long soe = Api.organisation(Api.unique("四川能投"), "PROVINCIAL_SOE");
        // termEnd is the first day the agreement no longer runs: [2019-06-01, 2021-01-01) ends on 2020-12-31
        as("editor").body(agreement(soe, ENDED, "2019-06-01", "2021-01-01")).post("/api/v1/agreements").then().statusCode(201);
        refused(as("editor").body(agreement(soe, ENDED, "2019-06-01", "2021-06-01")).post("/api/v1/agreements").then(), ENDED, "2021-01-01");
        refused(as("editor").body(agreement(soe, DesignatedCounties.NOT_DESIGNATED, "2024-01-01", "2025-01-01")).post("/api/v1/agreements").then(),
                DesignatedCounties.NOT_DESIGNATED, "2024-01-01");
        as("reader").queryParam("countyCode", ENDED).queryParam("organisationId", soe).get("/api/v1/agreements").then()
                .body("totalItems", equalTo(1));
    }

    private static Map<String, Object> training(String county, int year) {
        return Map.of("countyCode", county, "year", year, "organiserName", "县人社局", "peopleTrained", 40, "kind", "OTHER");
    }

    @Test
    void aTrainingRecordNeedsTheCountyDesignatedTheWholeYear() {
        refused(as("editor").body(training(DesignatedCounties.LATER, 2024)).post("/api/v1/training-records").then(),
                DesignatedCounties.LATER, "2024-01-01");
        as("editor").body(training(DesignatedCounties.LATER, 2025)).post("/api/v1/training-records").then().statusCode(201);
        as("editor").body(training(ENDED, 2020)).post("/api/v1/training-records").then().statusCode(201);
        refused(as("editor").body(training(ENDED, 2021)).post("/api/v1/training-records").then(), ENDED, "2021-01-01");
        refused(as("editor").body(training("510522", 2024)).post("/api/v1/training-records").then(), "510522", "2024-01-01");
        as("reader").queryParam("countyCode", "510522").get("/api/v1/training-records").then().body("totalItems", equalTo(0));
    }

    /** Changed on purpose with the local copy (it was a 503): a training record is checked against the copy while the registry is down. */
    @Test
    void aTrainingRecordIsCheckedAgainstTheCopyWhileTheRegistryIsDown() {
        long before = AuditRecords.count(dataSource, "TrainingRecord");
        var outage = RegistryStub.down();
        try {
            as("editor").body(training(DesignatedCounties.RENEWED, 2025)).post("/api/v1/training-records").then().statusCode(201);
            refused(as("editor").body(training(DesignatedCounties.NOT_DESIGNATED, 2025)).post("/api/v1/training-records").then(),
                    DesignatedCounties.NOT_DESIGNATED, "2025-01-01");
        } finally {
            RegistryStub.up(outage);
        }
        CircuitBreakerMaintenance.get().resetAll();
        assertEquals(before + 1, AuditRecords.count(dataSource, "TrainingRecord"));
    }

    @Test
    void aCadreExchangeMustFallWithinTheDesignation() {
        long org = Api.organisation(Api.unique("东部协作城市"), "EASTERN_PARTNER");
        Map<String, Object> across = Map.of("countyCode", ENDED, "organisationId", org, "kind", "MENTORING",
                "periodStart", "2020-11-01", "periodEnd", "2021-02-28", "people", 3);
        refused(as("editor").body(across).post("/api/v1/cadre-exchanges").then(), ENDED, "2021-01-01");
        Map<String, Object> within = new HashMap<>(across);
        within.put("periodEnd", "2020-12-31");
        as("editor").body(within).post("/api/v1/cadre-exchanges").then().statusCode(201);
    }

    @Test
    void aTaskNeedsTheCountyDesignatedOnItsDeadlineAlsoWhenTheDeadlineMoves() {
        refused(as("editor").body(Map.of("countyCode", ENDED, "title", "产业规划", "responsibleUnit", "县发改局", "deadline", "2021-06-30"))
                .post("/api/v1/tasks").then(), ENDED, "2021-06-30");
        long id = as("editor").body(Map.of("countyCode", ENDED, "title", "产业规划", "responsibleUnit", "县发改局", "deadline", "2020-06-30"))
                .post("/api/v1/tasks").then().statusCode(201).extract().jsonPath().getLong("id");
        Map<String, Object> moved = Map.of("title", "产业规划", "responsibleUnit", "县发改局", "deadline", "2021-06-30", "status", "OPEN");
        refused(as("editor").header("If-Match", "\"0\"").body(moved).put("/api/v1/tasks/" + id).then(), ENDED, "2021-06-30");
        Map<String, Object> renamed = Map.of("title", "产业规划（修订）", "responsibleUnit", "县发改局", "deadline", "2020-06-30", "status", "OPEN");
        as("editor").header("If-Match", "\"0\"").body(renamed).put("/api/v1/tasks/" + id).then().statusCode(200)
                .body("deadline", equalTo("2020-06-30"));
    }

    private static Map<String, Object> project(long lead, String county, String start, String end) {
        return Map.of("countyCode", county, "leadOrganisationId", lead, "title", "茶叶加工园", "sector", "INDUSTRY", "term", "SHORT",
                "keyProject", false, "plannedStart", start, "plannedEnd", end, "budget", new BigDecimal("1000000.00"));
    }

    @Test
    void aProjectsPlannedPeriodMustBeCoveredOnCreateAndWhenItMoves() {
        long lead = Api.organisation(Api.unique("省直部门"), "PROVINCIAL_DEPARTMENT");
        as("editor").body(pairing(lead, ENDED, "2019-06-01", "2020-12-31")).post("/api/v1/pairings").then().statusCode(201);
        refused(as("editor").body(project(lead, ENDED, "2020-01-01", "2021-06-30")).post("/api/v1/projects").then(), ENDED, "2021-01-01");
        long id = as("editor").body(project(lead, ENDED, "2020-01-01", "2020-12-31")).post("/api/v1/projects")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        Map<String, Object> later = Map.of("title", "茶叶加工园", "sector", "INDUSTRY", "term", "SHORT", "keyProject", false,
                "plannedStart", "2020-01-01", "plannedEnd", "2021-03-31", "budget", new BigDecimal("1000000.00"));
        refused(as("editor").header("If-Match", "\"0\"").body(later).put("/api/v1/projects/" + id).then(), ENDED, "2021-01-01");
        as("reader").get("/api/v1/projects/" + id).then().body("plannedEnd", equalTo("2020-12-31"));
        assertEquals(List.of("CREATE"), AuditRecords.of(dataSource, "Project", id).stream().map(AuditRecords.Row::action).toList());
    }

    @Test
    void effectivenessIsNotApplicableWithTheReasonForACountyNotDesignatedInTheYear() {
        // 合江县 (510522) is not among the designated counties: nothing was assisted, nothing to score
        as("reader").queryParam("year", "2024").get("/api/v1/counties/510522/effectiveness").then().statusCode(200)
                .body("countyCode", equalTo("510522"))
                .body("year", equalTo(2024))
                .body("status", equalTo("NOT_APPLICABLE"))
                .body("score", nullValue())
                .body("components", empty())
                .body("reason", containsString("510522"))
                .body("reason", containsString("2024"));
        as("reader").queryParam("year", "2024").get("/api/v1/counties/" + DesignatedCounties.LATER + "/effectiveness").then()
                .body("status", equalTo("NOT_APPLICABLE"));
        as("reader").queryParam("year", "2021").get("/api/v1/counties/" + ENDED + "/effectiveness").then()
                .body("status", equalTo("NOT_APPLICABLE"));
        // designated on at least one day of the year: scored
        as("reader").queryParam("year", "2025").get("/api/v1/counties/" + DesignatedCounties.LATER + "/effectiveness").then()
                .body("status", equalTo("AVAILABLE")).body("score", notNullValue()).body("reason", nullValue());
        as("reader").queryParam("year", "2020").get("/api/v1/counties/" + ENDED + "/effectiveness").then()
                .body("status", equalTo("AVAILABLE")).body("components.size()", equalTo(5));
    }
}
