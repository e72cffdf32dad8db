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
 * Starting sensitivity analyses is rate-limited per caller, with the admitted starts logged in the database (so every
 * replica shares the count): past the limit, 429 with Retry-After and nothing started. The window slides: no hour,
 * wherever it starts, holds more than the limit's starts, also across the hours a fixed window would count apart.
 *
 * <p>Each test uses a caller of its own (its token's subject), so the tests share no budget. The clock is the test
 * clock from noon of a fixed day; a test moves it by whole minutes.
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
        // two in the last hour: admitted again when the first of them is an hour old (less the seconds since it)
        Response refused = start("rate-a");
        refused.then().spec(Problems.problem(429, "too-many-requests")).body("limit", equalTo(2)).body("window", equalTo("PT1H"));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertThat(retryAfter, allOf(greaterThanOrEqualTo(3600 - 600), lessThanOrEqualTo(3600)));
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
    void theWindowSlidesSoNoBurstCrossesAnHoursBoundary() {
        try {
            // 12:50: two starts at the end of a clock hour
            TestClock.advance(Duration.ofMinutes(50));
            for (int i = 0; i < 2; i++) {
                start("rate-c").then().statusCode(404);
            }
            // 13:05: a fixed hour window would have started again; the last hour still holds those two
            TestClock.advance(Duration.ofMinutes(15));
            Response refused = start("rate-c");
            refused.then().statusCode(429);
            // admitted again at 13:50, when they are an hour old: 45 minutes (less the seconds since they were made)
            assertThat(Integer.parseInt(refused.header("Retry-After")), allOf(greaterThanOrEqualTo(2700 - 600), lessThanOrEqualTo(2700)));
            // 13:51: both have left the window: two more, not three
            TestClock.advance(Duration.ofMinutes(46));
            start("rate-c").then().statusCode(404);
            start("rate-c").then().statusCode(404);
            start("rate-c").then().statusCode(429);
        } finally {
            TestClock.today(java.time.LocalDate.of(2026, 6, 30));
        }
    }

    @Test
    void theCountIsTheDatabasesSoStartsOnAnotherReplicaCount() throws SQLException {
        // another replica admitted two starts of this caller a moment ago: this one admits none
        calls("rate-d", 2);
        start("rate-d").then().spec(Problems.problem(429, "too-many-requests"));
        // and what this replica admits, the table holds for the others
        start("rate-e").then().statusCode(404);
        assertEquals(1, hitsOf("rate-e"));
    }

    @Test
    void concurrentStartsOfOneCallerAreDecidedOneAfterTheOther() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try (Connection holder = db.getConnection()) {
            holder.setAutoCommit(false);
            // hold the caller's decision lock: all six starts reach the decision and wait on it together
            try (PreparedStatement lock = holder.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                lock.setString(1, "sensitivity-start\nrate-f");
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

    /** Logs {@code n} admitted starts of this caller a moment ago, as a start on any replica leaves them. */
    private void calls(String caller, int n) throws SQLException {
        Instant now = Instant.now(clock);
        try (Connection c = db.getConnection(); PreparedStatement insert = c.prepareStatement("""
            INSERT INTO api_rate_limit_call (limit_name, caller, called_at, expires_at)
            VALUES ('sensitivity-start', ?, ?, ?)""")) {
            for (int i = 0; i < n; i++) {
                insert.setString(1, caller);
                insert.setObject(2, OffsetDateTime.ofInstant(now.minusSeconds(1), ZoneOffset.UTC));
                insert.setObject(3, OffsetDateTime.ofInstant(now.minusSeconds(1).plus(Duration.ofHours(1)), ZoneOffset.UTC));
                insert.executeUpdate();
            }
        }
    }

    private int hitsOf(String caller) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement q = c.prepareStatement(
                        "SELECT count(*) FROM api_rate_limit_call WHERE limit_name = 'sensitivity-start' AND caller = ?")) {
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
                        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND wait_event = 'advisory' AND query LIKE '%pg_advisory_xact_lock%'")) {
            while (true) {
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) >= sessions) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the starts did not all reach the caller's decision lock");
                }
                Thread.sleep(20);
            }
        }
    }
}
