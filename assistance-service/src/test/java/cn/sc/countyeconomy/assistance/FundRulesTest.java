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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.sc.countyeconomy.assistance.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The money rules: exact decimals, positive amounts, disbursed <= committed, spent <= disbursed, corrections, races. */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class FundRulesTest {

    @BeforeEach
    void registryFacts() {
        DesignatedCounties.install();
    }

    private static final String COUNTY = "513423";

    @Inject
    AgroalDataSource dataSource;

    private long newProject() {
        long org = Api.organisation(Api.unique("省直部门"), "PROVINCIAL_DEPARTMENT");
        Api.pairing(org, COUNTY, "2024-01-01");
        return Api.project(org, COUNTY, "2024-03-01", "2025-12-31", true, "MEDIUM");
    }

    private static void sums(long project, String committed, String disbursed, String spent) {
        // amounts compared as the exact text of the decimal: no float rounding can make them pass
        as("reader").queryParam("type", "COMMITMENT").queryParam("size", "500").get("/api/v1/projects/" + project + "/transactions")
                .then().statusCode(200);
        String sql = "select coalesce(sum(amount) filter (where type='COMMITMENT'),0)::text, coalesce(sum(amount) filter (where type='DISBURSEMENT'),0)::text, "
                + "coalesce(sum(amount) filter (where type='EXPENDITURE'),0)::text from fund_transaction where project_id = " + project;
        List<String> got = query(sql);
        assertEquals(List.of(committed, disbursed, spent), got);
    }

    private static AgroalDataSource ds;

    private static List<String> query(String sql) {
        try (var c = ds.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return List.of(rs.getString(1), rs.getString(2), rs.getString(3));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @org.junit.jupiter.api.BeforeEach
    void keepDataSource() {
        ds = dataSource;
    }

    @Test
    void tenCentsPlusTwentyCentsIsExactlyThirtyCents() {
        long p = newProject();
        Api.transaction(p, "COMMITMENT", "2024-03-01", "0.10").then().statusCode(201).body("amount", equalTo(0.10f));
        Api.transaction(p, "COMMITMENT", "2024-03-02", "0.20").then().statusCode(201);
        // 0.10 + 0.20 = 0.30 committed; disbursing exactly 0.30 is allowed (in binary floating point 0.1 + 0.2 > 0.3)
        Api.transaction(p, "DISBURSEMENT", "2024-03-03", "0.30").then().statusCode(201)
                .body("iatiTransactionType", equalTo("3"));
        sums(p, "0.30", "0.30", "0");
        // one cent more is refused, and the problem carries the figures
        Api.transaction(p, "DISBURSEMENT", "2024-03-04", "0.01").then()
                .spec(Problems.problem(422, "business-rule-violated"))
                .body("rule", equalTo("disbursement-exceeds-commitment"))
                .body("committed", equalTo(0.30f)).body("disbursed", equalTo(0.30f))
                .body("requested", equalTo(0.01f)).body("available", equalTo(0.0f));
        sums(p, "0.30", "0.30", "0");
    }

    @Test
    void oneCentAboveAMillionCommittedIsRefused() {
        long p = newProject();
        Api.transaction(p, "COMMITMENT", "2024-03-01", "1000000.01").then().statusCode(201);
        Api.transaction(p, "DISBURSEMENT", "2024-03-05", "1000000.02").then()
                .spec(Problems.problem(422, "business-rule-violated"))
                .body("rule", equalTo("disbursement-exceeds-commitment"))
                .body("detail", org.hamcrest.Matchers.containsString("1000000.01"));
        Api.transaction(p, "DISBURSEMENT", "2024-03-05", "1000000.01").then().statusCode(201);
        sums(p, "1000000.01", "1000000.01", "0");
    }

    @Test
    void expenditureNeverExceedsDisbursement() {
        long p = newProject();
        Api.transaction(p, "COMMITMENT", "2024-03-01", "500.00").then().statusCode(201);
        Api.transaction(p, "DISBURSEMENT", "2024-03-02", "200.00").then().statusCode(201);
        Api.transaction(p, "EXPENDITURE", "2024-03-03", "150.50").then().statusCode(201);
        // 150.50 + 49.51 = 200.01 > 200.00 disbursed
        Api.transaction(p, "EXPENDITURE", "2024-03-04", "49.51").then()
                .spec(Problems.problem(422, "business-rule-violated"))
                .body("rule", equalTo("expenditure-exceeds-disbursement"))
                .body("disbursed", equalTo(200.00f)).body("spent", equalTo(150.50f)).body("available", equalTo(49.50f));
        Api.transaction(p, "EXPENDITURE", "2024-03-04", "49.50").then().statusCode(201);
        sums(p, "500.00", "200.00", "200.00");
    }

    @Test
    void aCorrectionIsRecordedOnlyByAnAdminWithAReasonAndObeysTheLimits() {
        long p = newProject();
        long commitment = Api.transaction(p, "COMMITMENT", "2024-03-01", "100.00").then().statusCode(201).extract().jsonPath().getLong("id");
        // a correction raising the commitment by 50.00 (an amount left out), then disbursing the 150.00
        String correction = "{\"type\":\"COMMITMENT\",\"date\":\"2024-04-01\",\"amount\":50.00,\"providerName\":\"省财政厅\","
                + "\"receiverName\":\"县财政局\",\"correctsTransactionId\":" + commitment + ",\"correctionReason\":\"补录漏记的承诺资金\"}";
        as("editor").body(correction).post("/api/v1/projects/" + p + "/transactions").then().spec(Problems.problem(403, "forbidden"));
        as("admin").body(correction.replace(",\"correctionReason\":\"补录漏记的承诺资金\"", ""))
                .post("/api/v1/projects/" + p + "/transactions")
                .then().spec(Problems.problem(422, "validation-failed")).body("violations[0].field", equalTo("correctionReason"));
        long id = as("admin").body(correction).post("/api/v1/projects/" + p + "/transactions").then().statusCode(201)
                .body("correction", equalTo(true)).body("correctsTransactionId", equalTo((int) commitment))
                .body("correctionReason", equalTo("补录漏记的承诺资金"))
                .extract().jsonPath().getLong("id");
        sums(p, "150.00", "0", "0");
        var audit = AuditRecords.of(dataSource, "FundTransaction", id);
        assertEquals(1, audit.size());
        assertEquals("CORRECT", audit.get(0).action());
        assertEquals("补录漏记的承诺资金", audit.get(0).reason());
        // a correction is no longer a way round the limits: 150.00 committed, 150.01 cannot be disbursed
        as("admin").body(correction.replace("COMMITMENT", "DISBURSEMENT").replace("50.00", "150.01")
                .replace("\"correctsTransactionId\":" + commitment + ",", "").replace(",\"correctionReason\":\"补录漏记的承诺资金\"", ""))
                .post("/api/v1/projects/" + p + "/transactions")
                .then().spec(Problems.problem(422, "business-rule-violated")).body("rule", equalTo("disbursement-exceeds-commitment"));
        // a reason without a corrected transaction is refused rather than silently ignored
        as("editor").body(correction.replace("\"correctsTransactionId\":" + commitment + ",", ""))
                .post("/api/v1/projects/" + p + "/transactions")
                .then().spec(Problems.problem(422, "validation-failed")).body("violations[0].field", equalTo("correctionReason"));
        sums(p, "150.00", "0", "0");
    }

    @Test
    void amountsMustBePositiveOutsideCorrectionsWithAtMostTwoDecimalsInCny() {
        long p = newProject();
        for (String bad : List.of("0", "-5.00", "10.001", "0.00")) {
            Api.transaction(p, "COMMITMENT", "2024-03-01", bad).then()
                    .spec(Problems.problem(422, "validation-failed"))
                    .body("violations.field", org.hamcrest.Matchers.hasItem("amount"));
        }
        as("editor").body(Map.of("type", "COMMITMENT", "date", "2024-03-01", "amount", "abc", "providerName", "省财政厅",
                "receiverName", "县财政局"))
                .post("/api/v1/projects/" + p + "/transactions").then()
                .spec(Problems.problem(400, "malformed-request")).body("violations[0].field", equalTo("amount"));
        as("editor")
                .body("{\"type\":\"COMMITMENT\",\"date\":\"2024-03-01\",\"amount\":1.00,\"currency\":\"USD\",\"providerName\":\"a\",\"receiverName\":\"b\"}")
                .post("/api/v1/projects/" + p + "/transactions")
                .then().spec(Problems.problem(422, "validation-failed")).body("violations[0].field", equalTo("currency"));
        as("editor").body("{\"type\":\"GRANT\",\"date\":\"2024-03-01\",\"amount\":1.00,\"providerName\":\"a\",\"receiverName\":\"b\"}")
                .post("/api/v1/projects/" + p + "/transactions")
                .then().spec(Problems.problem(400, "malformed-request")).body("violations[0].field", equalTo("type"));
        Api.transaction(999_999, "COMMITMENT", "2024-03-01", "1.00").then().spec(Problems.problem(404, "not-found"));
        sums(p, "0", "0", "0");
        as("reader").get("/api/v1/projects/" + p + "/transactions").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aCancelledProjectTakesOnlyCorrections() {
        long p = newProject();
        Api.transaction(p, "COMMITMENT", "2024-03-01", "100.00").then().statusCode(201);
        Api.transition(p, "CANCELLED", "2024-03-10");
        Api.transaction(p, "DISBURSEMENT", "2024-03-11", "10.00").then()
                .spec(Problems.problem(422, "business-rule-violated")).body("rule", equalTo("project-cancelled"));
    }

    @Test
    void twoConcurrentDisbursementsCannotTogetherExceedTheCommitment() throws Exception {
        long p = newProject();
        Api.transaction(p, "COMMITMENT", "2024-03-01", "100.00").then().statusCode(201);
        for (int round = 0; round < 3; round++) {
            long project = round == 0 ? p : newProject();
            if (round > 0) {
                Api.transaction(project, "COMMITMENT", "2024-03-01", "100.00").then().statusCode(201);
            }
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    Callable<Integer> call = () -> {
                        start.await();
                        Response r = Api.transaction(project, "DISBURSEMENT", "2024-03-02", "60.00");
                        return r.statusCode();
                    };
                    results.add(pool.submit(call));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> f : results) {
                    statuses.add(f.get());
                }
                statuses.sort(Integer::compareTo);
                assertEquals(List.of(201, 422), statuses, "exactly one of the two 60.00 disbursements against 100.00 may pass");
                sums(project, "100.00", "60.00", "0");
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
