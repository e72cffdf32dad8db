package cn.sc.countyeconomy.assistance;

import cn.sc.countyeconomy.api.idempotency.IdempotentCreate;
import cn.sc.countyeconomy.api.testing.Problems;
import cn.sc.countyeconomy.api.testing.TestTokens;
import cn.sc.countyeconomy.assistance.api.NewOrganisation;
import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Races forced, not hoped for: the test holds the lock (an advisory lock on the Idempotency-Key, or
 * an uncommitted row with the same unique key) from its own JDBC connection, waits until the
 * service's requests are seen waiting for it in pg_locks / pg_stat_activity, and only then lets go.
 */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class ConcurrentCreateTest {

    private static final AtomicInteger N = new AtomicInteger();

    @Test
    void aConcurrentDuplicateWithTheSameKeyWaitsForTheFirstAndReplaysItsAnswer() throws Exception {
        String subject = "race-user-" + N.incrementAndGet();
        String bearer = "Bearer " + TestTokens.token(subject, List.of(), "editor");
        String key = "race-key-" + N.get();
        NewOrganisation body = new NewOrganisation("竞态测试单位" + N.get(), null, OrganisationKind.PROVINCIAL_DEPARTMENT, null);
        try (Connection db = database()) {
            lock(db, IdempotentCreate.lockId(subject, key));
            CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> create(bearer, key, body));
            CompletableFuture<Response> second = CompletableFuture.supplyAsync(() -> create(bearer, key, body));
            awaitWaiters(db, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted", 2);
            unlock(db, IdempotentCreate.lockId(subject, key));
            Response a = first.get(30, TimeUnit.SECONDS);
            Response b = second.get(30, TimeUnit.SECONDS);
            assertEquals(201, a.statusCode(), a.asString());
            assertEquals(201, b.statusCode(), b.asString());
            assertEquals(a.header("Location"), b.header("Location"));
            long replayed = List.of(a, b).stream().filter(r -> "true".equals(r.header(IdempotentCreate.REPLAYED))).count();
            assertEquals(1, replayed, "exactly one of the two answers is the replay of the other");
            assertEquals(1, count(db, "SELECT count(*) FROM assisting_organisation WHERE name = ?", body.name()));
        }
    }

    @Test
    void aDuplicateWhoseFirstRequestIsStillRunningIsAnswered409InProgressWithRetryAfter() throws Exception {
        String subject = "race-user-" + N.incrementAndGet();
        String bearer = "Bearer " + TestTokens.token(subject, List.of(), "editor");
        String key = "slow-key-" + N.get();
        NewOrganisation body = new NewOrganisation("进行中测试单位" + N.get(), null, OrganisationKind.PROVINCIAL_DEPARTMENT, null);
        try (Connection db = database()) {
            // the test plays the first request: it holds the key for longer than api.idempotency.wait
            lock(db, IdempotentCreate.lockId(subject, key));
            create(bearer, key, body).then().spec(Problems.problem(409, "conflict"))
                    .header("Retry-After", equalTo("1"))
                    .body("idempotencyKeyState", equalTo("IN_PROGRESS"));
            assertEquals(0, count(db, "SELECT count(*) FROM assisting_organisation WHERE name = ?", body.name()));
            unlock(db, IdempotentCreate.lockId(subject, key));
        }
        Response retry = create(bearer, key, body);
        assertEquals(201, retry.statusCode(), retry.asString());
        assertNull(retry.header(IdempotentCreate.REPLAYED));
    }

    @Test
    void concurrentCreatesOfTheSameOrganisationEndIn409NamingTheConflictingKey() throws Exception {
        String name = "并发创建单位" + N.incrementAndGet();
        try (Connection db = database()) {
            db.setAutoCommit(false);
            try (PreparedStatement s = db.prepareStatement(
                    "INSERT INTO assisting_organisation (name, kind, force_code) VALUES (?, 'PROVINCIAL_DEPARTMENT', 'PROVINCIAL_TARGETED')")) {
                s.setString(1, name);
                s.executeUpdate();
            }
            // not committed: the service's own check does not see it, its insert waits on the unique index
            CompletableFuture<Response> racing = CompletableFuture.supplyAsync(() -> create(TestTokens.bearer("editor"), null,
                    new NewOrganisation(name, null, OrganisationKind.PROVINCIAL_DEPARTMENT, null)));
            awaitWaiters(db, "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()", 1);
            db.commit();
            racing.get(30, TimeUnit.SECONDS).then().spec(Problems.problem(409, "conflict"))
                    .body("constraint", equalTo("assisting_organisation_name"))
                    .body("conflictingKey.name", equalTo(name));
        }
    }

    private static Response create(String bearer, String key, NewOrganisation body) {
        var spec = given().header("Authorization", bearer).contentType("application/json").body(body);
        if (key != null) {
            spec = spec.header(IdempotentCreate.HEADER, key);
        }
        return spec.post("/api/v1/organisations");
    }

    private static Connection database() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    private static void lock(Connection db, long id) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("SELECT pg_advisory_lock(?)")) {
            s.setLong(1, id);
            s.execute();
        }
    }

    private static void unlock(Connection db, long id) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            s.setLong(1, id);
            s.execute();
        }
    }

    private static long count(Connection db, String sql, String parameter) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** Polls (from another connection: {@code db} may be inside its transaction) until the count is reached. */
    private static void awaitWaiters(Connection db, String countSql, int expected) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        try (Connection observer = database()) {
            while (Instant.now().isBefore(deadline)) {
                try (PreparedStatement s = observer.prepareStatement(countSql); ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getLong(1) >= expected) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        assertTrue(false, "the service's requests never waited for the test's lock: " + countSql);
    }
}
