package cn.sc.countyeconomy.assistance;

import cn.sc.countyeconomy.api.testing.Problems;
import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static cn.sc.countyeconomy.assistance.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Training records and cadre exchanges are corrected by reversal: a record of its own with minus the count,
 * referencing the original, with reason and author; the original stays and sums count net. Each test uses a
 * year of county {@value DesignatedCounties#LATER} (designated from 2025) that no other test writes to.
 */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class ActivityReversalTest {

    private static final String COUNTY = DesignatedCounties.LATER;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void registry() {
        CircuitBreakerMaintenance.get().resetAll();
        DesignatedCounties.install();
    }

    private static long training(int year, int people) {
        return as("editor").body(Map.of("countyCode", COUNTY, "year", year, "organiserName", "县人社局", "peopleTrained", people,
                "kind", "VOCATIONAL_SKILLS")).post("/api/v1/training-records").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static int trained(int year) {
        return as("reader").queryParam("year", year).get("/api/v1/counties/" + COUNTY + "/assistance").then().statusCode(200)
                .extract().jsonPath().getInt("training.actual");
    }

    private static int cadres(int year) {
        return as("reader").queryParam("year", year).get("/api/v1/counties/" + COUNTY + "/assistance").then().statusCode(200)
                .extract().jsonPath().getInt("cadres");
    }

    private static io.restassured.response.Response reverse(String kind, long id, String reason) {
        return as("admin").body(Map.of("reason", reason)).post("/api/v1/" + kind + "/" + id + "/reversal");
    }

    private long rows(String table) throws SQLException {
        try (var c = dataSource.getConnection();
                var s = c.createStatement();
                var r = s.executeQuery("select count(*) from " + table + " where county_code = '" + COUNTY + "'")) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void aReversedTrainingRecordCountsNothingAndStays() {
        // 2031: 200 + 120 = 320 people trained
        long kept = training(2031, 200);
        long wrong = training(2031, 120);
        assertEquals(320, trained(2031));

        long reversal = reverse("training-records", wrong, "重复录入 entered twice").then().statusCode(201)
                .body("reversesId", equalTo((int) wrong))
                .body("peopleTrained", equalTo(-120))
                .body("reversalReason", equalTo("重复录入 entered twice"))
                .body("recordedBy", equalTo("test-user"))
                .extract().jsonPath().getLong("id");
        // 320 - 120 = 200: only the record that was not reversed counts
        assertEquals(200, trained(2031));
        // the original stays, unchanged; the list shows the three records
        as("reader").get("/api/v1/training-records/" + wrong).then().statusCode(200)
                .body("peopleTrained", equalTo(120)).body("reversesId", nullValue());
        as("reader").queryParam("countyCode", COUNTY).queryParam("year", 2031).queryParam("sort", "id")
                .get("/api/v1/training-records").then().statusCode(200)
                .body("items.id", equalTo(List.of((int) kept, (int) wrong, (int) reversal)))
                .body("items.peopleTrained", equalTo(List.of(200, 120, -120)));
        assertEquals(List.of("REVERSE"), AuditRecords.of(dataSource, "TrainingRecord", reversal).stream().map(AuditRecords.Row::action).toList());
    }

    @Test
    void aSecondReversalAndTheReversalOfAReversalAreRefusedAndChangeNothing() throws SQLException {
        // 2032: 90 reversed -> 0
        long original = training(2032, 90);
        long reversal = reverse("training-records", original, "wrong county").then().statusCode(201).extract().jsonPath().getLong("id");
        assertEquals(0, trained(2032));
        long rowsBefore = rows("training_record");

        reverse("training-records", original, "again").then().spec(Problems.problem(409, "conflict"))
                .body("reversedById", equalTo((int) reversal));
        reverse("training-records", reversal, "undo the undo").then().spec(Problems.problem(409, "conflict"))
                .body("reversesId", equalTo((int) original));
        assertEquals(0, trained(2032));
        assertEquals(rowsBefore, rows("training_record"));
    }

    @Test
    void rewritingHistoryIsRefusedPointingToTheReversal() throws SQLException {
        long original = training(2033, 75);
        as("editor").body(Map.of("peopleTrained", 50)).put("/api/v1/training-records/" + original).then()
                .spec(Problems.problem(409, "conflict"))
                .body("reversal", equalTo("/api/v1/training-records/" + original + "/reversal"));
        as("editor").delete("/api/v1/training-records/" + original).then().spec(Problems.problem(409, "conflict"))
                .body("reversal", equalTo("/api/v1/training-records/" + original + "/reversal"));
        as("editor").delete("/api/v1/training-records/999999999").then().statusCode(404);
        // an editor may not reverse (admin only, as fund corrections); a reason is required
        as("editor").body(Map.of("reason", "x")).post("/api/v1/training-records/" + original + "/reversal").then().statusCode(403);
        as("admin").body(Map.of("reason", " ")).post("/api/v1/training-records/" + original + "/reversal").then()
                .spec(Problems.problem(422, "validation-failed"));
        assertEquals(75, trained(2033));
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            assertThrows(SQLException.class, () -> s.executeUpdate("update training_record set people_trained = 1 where id = " + original));
            assertThrows(SQLException.class, () -> s.executeUpdate("delete from training_record where id = " + original));
        }
        assertEquals(75, trained(2033));
    }

    @Test
    void aCadreExchangeIsReversedTheSameWay() {
        long org = Api.organisation(Api.unique("对口帮扶单位"), "EASTERN_PARTNER");
        // cadres by period start in 2034: 12 + 5 = 17; reversing the 5 leaves 12
        long keep = as("editor").body(Map.of("countyCode", COUNTY, "organisationId", org, "kind", "MENTORING", "periodStart", "2034-03-01",
                "periodEnd", "2034-06-30", "people", 12)).post("/api/v1/cadre-exchanges").then().statusCode(201).extract().jsonPath().getLong("id");
        long wrong = as("editor").body(Map.of("countyCode", COUNTY, "organisationId", org, "kind", "TEMPORARY_POST", "periodStart", "2034-04-01",
                "periodEnd", "2034-12-31", "people", 5)).post("/api/v1/cadre-exchanges").then().statusCode(201).extract().jsonPath().getLong("id");
        assertEquals(17, cadres(2034));
        long reversal = reverse("cadre-exchanges", wrong, "never took up the post").then().statusCode(201)
                .body("people", equalTo(-5)).body("reversesId", equalTo((int) wrong)).extract().jsonPath().getLong("id");
        assertEquals(12, cadres(2034));
        reverse("cadre-exchanges", wrong, "again").then().spec(Problems.problem(409, "conflict"));
        reverse("cadre-exchanges", reversal, "again").then().spec(Problems.problem(409, "conflict"));
        as("editor").delete("/api/v1/cadre-exchanges/" + keep).then().spec(Problems.problem(409, "conflict"))
                .body("reversal", equalTo("/api/v1/cadre-exchanges/" + keep + "/reversal"));
        assertEquals(12, cadres(2034));
    }
}
