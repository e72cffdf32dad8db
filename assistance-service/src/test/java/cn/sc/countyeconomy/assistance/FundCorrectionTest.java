package cn.sc.countyeconomy.assistance;

import cn.sc.countyeconomy.api.testing.Problems;
import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.sc.countyeconomy.assistance.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Reversible, dated money: corrections reference what they correct, may be negative, and obey the limits on the
 * resulting totals and as of every transaction date. Every figure below is worked by hand in the comments.
 */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class FundCorrectionTest {

    private static final String COUNTY = "513423";

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void registryFacts() {
        DesignatedCounties.install();
    }

    private long newProject() {
        long org = Api.organisation(Api.unique("省直部门"), "PROVINCIAL_DEPARTMENT");
        Api.pairing(org, COUNTY, "2024-01-01");
        return Api.project(org, COUNTY, "2024-03-01", "2025-12-31", true, "MEDIUM");
    }

    private static long id(Response r) {
        return r.then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static Response correct(long project, String type, long corrected, String date, String amount, String... roles) {
        Map<String, Object> body = new HashMap<>(Map.of("type", type, "date", date, "amount", new BigDecimal(amount),
                "providerName", "省财政厅", "receiverName", "县财政局", "correctsTransactionId", corrected, "correctionReason", "多记金额更正"));
        return as(roles.length == 0 ? new String[]{"admin"} : roles).body(body).post("/api/v1/projects/" + project + "/transactions");
    }

    /** committed, disbursed, spent of the project, and how many transactions it has: read from the table, exact text. */
    private List<String> ledger(long project) {
        String sql = "select coalesce(sum(amount) filter (where type='COMMITMENT'),0)::text, coalesce(sum(amount) filter (where type='DISBURSEMENT'),0)::text, "
                + "coalesce(sum(amount) filter (where type='EXPENDITURE'),0)::text, count(*)::text from fund_transaction where project_id = " + project;
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCorrectionLoweringTheCommitmentBelowWhatIsDisbursedIsRefusedAndChangesNothing() {
        long p = newProject();
        long commitment = id(Api.transaction(p, "COMMITMENT", "2024-03-01", "100.00"));
        id(Api.transaction(p, "DISBURSEMENT", "2024-03-10", "80.00"));
        // 100.00 - 30.00 = 70.00 committed < 80.00 disbursed: refused
        correct(p, "COMMITMENT", commitment, "2024-04-01", "-30.00").then()
                .spec(Problems.problem(422, "business-rule-violated"))
                .body("rule", equalTo("disbursement-exceeds-commitment"))
                .body("asOf", equalTo("2024-04-01"))
                .body("committed", equalTo(100.00f)).body("disbursed", equalTo(80.00f)).body("requested", equalTo(-30.00f))
                .body("detail", containsString("Correcting transaction " + commitment + " by -30.00 CNY"));
        assertEquals(List.of("100.00", "80.00", "0", "2"), ledger(p));
    }

    @Test
    void aCorrectionKeepingTheCommitmentAtWhatIsDisbursedIsAcceptedAndKeepsTheHistory() {
        long p = newProject();
        long commitment = id(Api.transaction(p, "COMMITMENT", "2024-03-01", "100.00"));
        id(Api.transaction(p, "DISBURSEMENT", "2024-03-10", "80.00"));
        // 100.00 - 20.00 = 80.00 committed = 80.00 disbursed: allowed (the limit is <=)
        long correction = id(correct(p, "COMMITMENT", commitment, "2024-04-01", "-20.00"));
        assertEquals(List.of("80.00", "80.00", "0", "3"), ledger(p));
        // the original stands as it was recorded; the correction is a transaction of its own
        as("reader").get("/api/v1/transactions/" + commitment).then().statusCode(200)
                .body("amount", equalTo(100.00f)).body("correction", equalTo(false));
        as("reader").get("/api/v1/transactions/" + correction).then().statusCode(200)
                .body("amount", equalTo(-20.00f)).body("correction", equalTo(true))
                .body("correctsTransactionId", equalTo((int) commitment)).body("iatiTransactionType", equalTo("2"));
        as("reader").get("/api/v1/projects/" + p + "/transactions").then().statusCode(200).body("items", hasSize(3));
        // no room is left: one cent more disbursed is refused on the corrected total
        Api.transaction(p, "DISBURSEMENT", "2024-04-02", "0.01").then()
                .spec(Problems.problem(422, "business-rule-violated")).body("committed", equalTo(80.00f))
                .body("available", equalTo(0.0f));
    }

    @Test
    void aDisbursementDatedBeforeItsCommitmentIsRefused() {
        long p = newProject();
        id(Api.transaction(p, "COMMITMENT", "2024-03-01", "100.00"));
        // in total 50.00 <= 100.00, but as of 2024-02-15 nothing was committed: 50.00 > 0.00
        Api.transaction(p, "DISBURSEMENT", "2024-02-15", "50.00").then()
                .spec(Problems.problem(422, "business-rule-violated"))
                .body("rule", equalTo("disbursement-exceeds-commitment"))
                .body("asOf", equalTo("2024-02-15")).body("committed", equalTo(0.0f)).body("available", equalTo(0.0f))
                .body("detail", containsString("as of 2024-02-15"));
        assertEquals(List.of("100.00", "0", "0", "1"), ledger(p));
        // on the commitment's own day it passes
        id(Api.transaction(p, "DISBURSEMENT", "2024-03-01", "50.00"));
        // and spending before the money arrived is refused the same way
        Api.transaction(p, "EXPENDITURE", "2024-02-28", "10.00").then()
                .spec(Problems.problem(422, "business-rule-violated"))
                .body("rule", equalTo("expenditure-exceeds-disbursement")).body("asOf", equalTo("2024-02-28"));
        assertEquals(List.of("100.00", "50.00", "0", "2"), ledger(p));
    }

    @Test
    void aCorrectionIsCheckedAsOfEveryLaterTransactionDateNotOnlyItsOwn() {
        long p = newProject();
        long commitment = id(Api.transaction(p, "COMMITMENT", "2024-03-01", "100.00"));
        id(Api.transaction(p, "DISBURSEMENT", "2024-03-10", "60.00"));
        id(Api.transaction(p, "DISBURSEMENT", "2024-05-01", "30.00"));
        // -20.00 dated 2024-04-01: as of 04-01 committed 80.00 >= disbursed 60.00 (fine),
        // as of 05-01 committed 80.00 < disbursed 90.00: refused on 2024-05-01
        correct(p, "COMMITMENT", commitment, "2024-04-01", "-20.00").then()
                .spec(Problems.problem(422, "business-rule-violated"))
                .body("asOf", equalTo("2024-05-01")).body("committed", equalTo(100.00f)).body("disbursed", equalTo(90.00f));
        // -10.00: 90.00 committed against 90.00 disbursed on 05-01: accepted
        id(correct(p, "COMMITMENT", commitment, "2024-04-01", "-10.00"));
        assertEquals(List.of("90.00", "90.00", "0", "4"), ledger(p));
    }

    @Test
    void aReversalTakesAWholeDisbursementBackAndNoFurther() {
        long p = newProject();
        id(Api.transaction(p, "COMMITMENT", "2024-03-01", "100.00"));
        long disbursement = id(Api.transaction(p, "DISBURSEMENT", "2024-03-10", "80.00"));
        id(Api.transaction(p, "EXPENDITURE", "2024-03-20", "30.00"));
        // reversing all 80.00 would leave 0.00 disbursed against 30.00 spent: refused
        correct(p, "DISBURSEMENT", disbursement, "2024-06-01", "-80.00").then()
                .spec(Problems.problem(422, "business-rule-violated")).body("rule", equalTo("expenditure-exceeds-disbursement"));
        // reversing 50.00 leaves 30.00 disbursed = 30.00 spent
        id(correct(p, "DISBURSEMENT", disbursement, "2024-06-01", "-50.00"));
        assertEquals(List.of("100.00", "30.00", "30.00", "4"), ledger(p));
        // a further -30.01 would take the 80.00 disbursement below zero (80.00 - 50.00 - 30.01 = -0.01)
        correct(p, "DISBURSEMENT", disbursement, "2024-06-02", "-30.01").then()
                .spec(Problems.problem(422, "business-rule-violated")).body("rule", equalTo("correction-exceeds-original"))
                .body("standing", equalTo(30.00f));
        assertEquals(List.of("100.00", "30.00", "30.00", "4"), ledger(p));
    }

    @Test
    void aCorrectionMustReferenceATransactionOfTheSameProjectAndTypeDatedNoLater() {
        long p = newProject();
        long other = newProject();
        long commitment = id(Api.transaction(p, "COMMITMENT", "2024-03-01", "100.00"));
        long elsewhere = id(Api.transaction(other, "COMMITMENT", "2024-03-01", "100.00"));
        correct(p, "COMMITMENT", elsewhere, "2024-04-01", "-1.00").then()
                .spec(Problems.problem(422, "validation-failed")).body("violations[0].field", equalTo("correctsTransactionId"));
        correct(p, "DISBURSEMENT", commitment, "2024-04-01", "-1.00").then()
                .spec(Problems.problem(422, "validation-failed")).body("violations[0].field", equalTo("type"));
        correct(p, "COMMITMENT", commitment, "2024-02-01", "-1.00").then()
                .spec(Problems.problem(422, "validation-failed")).body("violations[0].field", equalTo("date"));
        correct(p, "COMMITMENT", commitment, "2024-04-01", "-1.00", "editor").then().spec(Problems.problem(403, "forbidden"));
        long correction = id(correct(p, "COMMITMENT", commitment, "2024-04-01", "-1.00"));
        correct(p, "COMMITMENT", correction, "2024-04-02", "1.00").then()
                .spec(Problems.problem(422, "validation-failed")).body("violations[0].field", equalTo("correctsTransactionId"))
                .body("violations[0].message", containsString("correct transaction " + commitment));
        Api.transaction(p, "COMMITMENT", "2024-04-01", "-1.00").then()
                .spec(Problems.problem(422, "validation-failed")).body("violations[0].field", equalTo("amount"));
        assertEquals(List.of("99.00", "0", "0", "2"), ledger(p));
    }

    @Test
    void theTableRefusesToChangeOrDeleteATransaction() throws SQLException {
        long p = newProject();
        long commitment = id(Api.transaction(p, "COMMITMENT", "2024-03-01", "100.00"));
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            assertThrows(SQLException.class, () -> s.executeUpdate("update fund_transaction set amount = 1 where id = " + commitment));
            assertThrows(SQLException.class, () -> s.executeUpdate("delete from fund_transaction where id = " + commitment));
        }
        assertEquals(List.of("100.00", "0", "0", "1"), ledger(p));
    }
}
