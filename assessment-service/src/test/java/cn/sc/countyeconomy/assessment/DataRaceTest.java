package cn.sc.countyeconomy.assessment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static cn.sc.countyeconomy.assessment.Api.as;
import static cn.sc.countyeconomy.assessment.DataApiTest.v;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Imports against the workflow and against each other, with the interleaving forced: the test holds
 * a transaction open on the county's workflow state, waits until PostgreSQL shows the import(s)
 * waiting for that lock (pg_stat_activity, not a sleep), and only then commits. Without the import's
 * row lock the imports would not wait, and the tests fail on that first. Years 2040-2041 belong to
 * this class.
 */
@QuarkusTest
@TestProfile(AssessmentTestProfile.class)
class DataRaceTest {

    @Inject
    EntityManager em;

    private final ExecutorService threads = Executors.newFixedThreadPool(3);

    @BeforeEach
    void registry() {
        SichuanRegistry.state();
    }

    private CompletableFuture<Response> importInBackground(int year, List<Map<String, Object>> values) {
        return CompletableFuture.supplyAsync(() -> as("editor").body(Map.of("values", values)).post("/api/v1/data/" + year + "/values"), threads);
    }

    /** Waits (polling the database, at most 60 s) until {@code n} sessions wait for a lock on a submission row. */
    private void awaitWaiting(int n) throws InterruptedException {
        for (int poll = 0; poll < 600; poll++) {
            long waiting = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE '%submission%'")
                    .getSingleResult()).longValue());
            if (waiting >= n) {
                return;
            }
            Thread.sleep(100);
        }
        fail(n + " import(s) never waited for the lock on the county's workflow state: the import does not lock it");
    }

    /** Runs {@code sql} in a transaction of its own on another thread, and commits when {@code release} is counted down. */
    private CompletableFuture<Void> holdOpen(String sql, CountDownLatch held, CountDownLatch release) {
        return CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery(sql).executeUpdate();
            held.countDown();
            try {
                assertTrue(release.await(90, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }), threads);
    }

    @Test
    void aSubmitThatCommitsWhileAnImportWaitsLeavesTheImportRefusedAndTheValuesUnchanged() throws Exception {
        String county = SichuanRegistry.inCategory("CITY_CORE_DISTRICT").get(5);
        as("editor").body(Map.of("values", List.of(v(county, "GDP", "100", null)))).post("/api/v1/data/2040/values").then().statusCode(200);

        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // the submit's transaction, not yet committed: the county's state is SUBMITTED for whoever waits
        CompletableFuture<Void> submit = holdOpen("UPDATE submission SET status = 'SUBMITTED', version = version + 1 WHERE county_code = '"
                + county + "' AND year = 2040", held, release);
        assertTrue(held.await(60, TimeUnit.SECONDS));
        CompletableFuture<Response> late = importInBackground(2040, List.of(v(county, "GDP", "999", null)));
        awaitWaiting(1);
        release.countDown();
        submit.get(60, TimeUnit.SECONDS);

        Response answer = late.get(60, TimeUnit.SECONDS);
        assertEquals(422, answer.statusCode(), answer.asString());
        assertThat(answer.asString(), containsString("SUBMITTED"));
        as("reader").queryParam("county", county).queryParam("indicator", "GDP").get("/api/v1/data/2040/values").then().statusCode(200)
                .body("items[0].value", org.hamcrest.Matchers.comparesEqualTo(100.0));
    }

    @Test
    void twoImportsCreatingTheSameValuesAtOnceBothSucceedOneAfterTheOtherNever500() throws Exception {
        String county = SichuanRegistry.inCategory("CITY_CORE_DISTRICT").get(6);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // a third party is creating the county's workflow state: both imports must wait for it, then run one after the other
        CompletableFuture<Void> creator = holdOpen("INSERT INTO submission (county_code, year, status, synthetic, updated_at, version)"
                + " VALUES ('" + county + "', 2041, 'DRAFT', false, now(), 0)", held, release);
        assertTrue(held.await(60, TimeUnit.SECONDS));
        CompletableFuture<Response> first = importInBackground(2041, List.of(v(county, "GDP", "100", null), v(county, "GDP_GROWTH", "5", null)));
        CompletableFuture<Response> second = importInBackground(2041, List.of(v(county, "GDP", "200", null), v(county, "GDP_GROWTH", "6", null)));
        awaitWaiting(2);
        release.countDown();
        creator.get(60, TimeUnit.SECONDS);

        Response a = first.get(60, TimeUnit.SECONDS);
        Response b = second.get(60, TimeUnit.SECONDS);
        assertEquals(200, a.statusCode(), a.asString());
        assertEquals(200, b.statusCode(), b.asString());
        // one created the two values, the other updated them: two values in all, from whichever came last
        assertEquals(2, a.jsonPath().getInt("written"));
        assertEquals(2, Api.count("/api/v1/data/2041/values", "county", county));
        double gdp = as("reader").queryParam("county", county).queryParam("indicator", "GDP").get("/api/v1/data/2041/values").then()
                .statusCode(200).extract().jsonPath().getDouble("items[0].value");
        assertTrue(gdp == 100.0 || gdp == 200.0, "GDP " + gdp);
        // the workflow state moved on with each import: an ETag read before them no longer submits
        as("reader").get("/api/v1/submissions/" + county + "/2041").then().statusCode(200).header("ETag", "\"2\"");
    }
}
