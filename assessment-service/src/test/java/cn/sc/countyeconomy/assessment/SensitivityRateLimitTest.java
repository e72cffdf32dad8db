package cn.sc.countyeconomy.assessment;

import cn.sc.countyeconomy.api.testing.Problems;
import cn.sc.countyeconomy.api.testing.TestClock;
import cn.sc.countyeconomy.api.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Starting sensitivity analyses is rate-limited per caller, with the count in the database (so every replica
 * shares it): past the limit, 429 with Retry-After and nothing started. The window slides: the previous hour's
 * starts weigh on the next hour as the part of it still inside the last hour.
 *
 * <p>Each test uses a caller of its own (its token's subject), so the tests share no budget. The clock is the
 * test clock from noon of a fixed day, which starts an hour window: a test moves it by whole half hours.
 */
@QuarkusTest
@TestProfile(SensitivityRateLimitTest.TwoAnHour.class)
class SensitivityRateLimitTest {

    /** The service's test profile with a limit of two starts an hour (a profile of its own: the app restarts once). */
    public static class TwoAnHour extends AssessmentTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("api.rate-limits.\"sensitivity-start\".limit", "2");
            config.put("api.rate-limits.\"sensitivity-start\".window", "PT1H");
            return config;
        }
    }

    /** A run that does not exist: an admitted start answers 404, a refused one 429, and neither starts anything. */
    static final String START = "/api/v1/runs/987654/sensitivity";

    @Inject
    DataSource db;
    @Inject
    Clock clock;

    @BeforeAll
    static void noonOfAFixedDay() {
        TestClock.today(java.time.LocalDate.of(2026, 6, 30));
    }

    @AfterAll
    static void resetClock() {
        TestClock.reset();
    }

    static Response start(String caller) {
        return given().header("Authorization", "Bearer " + TestTokens.token(caller, List.of(), "editor"))
                .contentType(ContentType.JSON).accept(ContentType.JSON).body("{\"replications\":10}").post(START);
    }

    @Test
    void theThirdStartWithinTheWindowIs429WithRetryAfter() {
        // the limiter counts attempts before any work: two attempts (on a run that does not exist) use the window up
        for (int i = 0; i < 2; i++) {
            start("rate-a").then().spec(Problems.problem(404, "not-found"));
        }
        // two in this hour: admitted again once this hour's weight on the sliding hour has fallen to one call, half an
        // hour into the next one: 1.5 h from the window's start (minus the seconds this test has run)
        Response refused = start("rate-a");
        refused.then().spec(Problems.problem(429, "too-many-requests")).body("limit", equalTo(2)).body("window", equalTo("PT1H"));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertThat(retryAfter, allOf(greaterThanOrEqualTo(5400 - 600), lessThanOrEqualTo(5400)));
        assertEquals(retryAfter, refused.jsonPath().getInt("retryAfterSeconds"));
    }

    @Test
    void eachCallerHasABudgetOfItsOwn() {
        for (int i = 0; i < 2; i++) {
            start("rate-b1").then().statusCode(404);
        }
        start("rate-b1").then().statusCode(429);
        start("rate-b2").then().spec(Problems.problem(404, "not-found"));
    }

    @Test
    void theWindowSlidesSoNoDoubleBurstCrossesItsBoundary() {
        for (int i = 0; i < 2; i++) {
            start("rate-c").then().statusCode(404);
        }
        try {
            // the next hour has begun: a fixed window would admit two more at once; the sliding hour still holds two
            TestClock.advance(Duration.ofHours(1));
            start("rate-c").then().statusCode(429);
            // half an hour on, the previous hour weighs one: one more start is admitted, not two
            TestClock.advance(Duration.ofMinutes(30));
            start("rate-c").then().statusCode(404);
            start("rate-c").then().statusCode(429);
        } finally {
            TestClock.today(java.time.LocalDate.of(2026, 6, 30));
        }
    }

    @Test
    void theCountIsTheDatabasesSoStartsOnAnotherReplicaCount() throws SQLException {
        // another replica admitted two starts of this caller in this window: this one admits none
        hits("rate-d", 2);
        start("rate-d").then().spec(Problems.problem(429, "too-many-requests"));
        // and what this replica admits, the table holds for the others
        start("rate-e").then().statusCode(404);
        assertEquals(1, hitsOf("rate-e"));
    }

    @Test
    void concurrentStartsOfOneCallerAreDecidedOneAfterTheOther() throws Exception {
        hits("rate-f", 0);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try (Connection holder = db.getConnection()) {
            holder.setAutoCommit(false);
            // hold the caller's counter: all six starts reach the decision and wait on it together
            try (PreparedStatement lock = holder.prepareStatement(
                    "SELECT hits FROM api_rate_limit_window WHERE limit_name = 'sensitivity-start' AND caller = 'rate-f' FOR UPDATE")) {
                lock.executeQuery().close();
            }
            List<CompletableFuture<Integer>> starts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                starts.add(CompletableFuture.supplyAsync(() -> start("rate-f").statusCode(), pool));
            }
            awaitWaitingOnLocks(6);
            holder.commit();
            List<Integer> statuses = starts.stream().map(CompletableFuture::join).sorted().toList();
            assertEquals(List.of(404, 404, 429, 429, 429, 429), statuses);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        assertEquals(2, hitsOf("rate-f"));
    }

    /** Sets this caller's count in the current hour window (creating it), as a start on any replica leaves it. */
    private void hits(String caller, int hits) throws SQLException {
        Instant start = Instant.ofEpochMilli(Math.floorDiv(Instant.now(clock).toEpochMilli(), 3_600_000L) * 3_600_000L);
        try (Connection c = db.getConnection(); PreparedStatement insert = c.prepareStatement("""
            INSERT INTO api_rate_limit_window (limit_name, caller, window_start, hits, expires_at)
            VALUES ('sensitivity-start', ?, ?, ?, ?)""")) {
            insert.setString(1, caller);
            insert.setObject(2, OffsetDateTime.ofInstant(start, ZoneOffset.UTC));
            insert.setInt(3, hits);
            insert.setObject(4, OffsetDateTime.ofInstant(start.plus(Duration.ofHours(2)), ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    private int hitsOf(String caller) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement q = c.prepareStatement(
                        "SELECT coalesce(sum(hits), 0) FROM api_rate_limit_window WHERE limit_name = 'sensitivity-start' AND caller = ?")) {
            q.setString(1, caller);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private void awaitWaitingOnLocks(int sessions) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (Connection c = db.getConnection();
                PreparedStatement q = c.prepareStatement(
                        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%api_rate_limit_window%'")) {
            while (true) {
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) >= sessions) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the starts did not all reach the counter's lock");
                }
                Thread.sleep(20);
            }
        }
    }
}
