package cn.sc.countyeconomy.reformpilot;

import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two concurrent milestone updates that would together close a cycle (1 -> 2 and 2 -> 1). The interleaving is
 * forced: the test holds the pilot's row lock, starts both updates, waits until the database shows both waiting for
 * that lock (so both started before either wrote), and only then lets go. The service must serialise them on the
 * pilot: one passes, the other then sees the first's edge and is refused; no cycle is written.
 */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class MilestoneRaceTest extends ApiTest {

    @Inject
    AgroalDataSource dataSource;

    private static Response dependOn(long milestone, long on) {
        return given().header("Authorization", EDITOR).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("title", "里程碑" + milestone, "plannedDate", "2024-12-31", "status", "PLANNED", "dependsOn", List.of(on)))
                .when().put("/api/v1/milestones/" + milestone);
    }

    @Test
    void twoConcurrentUpdatesCannotTogetherCloseADependencyCycle() throws Exception {
        long p = pilotIn(newProgram(), "510115", "IMPLEMENTING");
        createTask(p);
        long m1 = milestone(p, "里程碑一", "2024-12-31", "PLANNED", null);
        long m2 = milestone(p, "里程碑二", "2024-12-31", "PLANNED", null);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (var s = holder.prepareStatement("select id from pilot where id = ? for update")) {
                s.setLong(1, p);
                s.executeQuery().close();
            }
            Future<Response> first = pool.submit(() -> dependOn(m1, m2));
            Future<Response> second = pool.submit(() -> dependOn(m2, m1));
            awaitWaitersOnPilot(2);
            holder.commit();
            List<Integer> statuses = new ArrayList<>(List.of(first.get(60, TimeUnit.SECONDS).statusCode(),
                    second.get(60, TimeUnit.SECONDS).statusCode()));
            statuses.sort(Integer::compareTo);
            assertEquals(List.of(200, 422), statuses);
            Response refused = first.get().statusCode() == 422 ? first.get() : second.get();
            assertEquals("dependency-cycle", refused.jsonPath().getString("rule"));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, edgesBetween(m1, m2), "exactly one of the two edges is written");
    }

    /** Polls the database (not the clock) until n backends wait for a lock on a pilot row; fails after 60 s. */
    private void awaitWaitersOnPilot(int n) throws Exception {
        String sql = "select count(*) from pg_locks l join pg_stat_activity a on a.pid = l.pid where not l.granted "
                + "and a.datname = current_database()";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Connection c = dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
                rs.next();
                if (rs.getInt(1) >= n) {
                    return;
                }
            }
            assertTrue(System.nanoTime() < deadline, "the two updates never both waited for the pilot's lock");
            Thread.sleep(20);
        }
    }

    private int edgesBetween(long a, long b) throws SQLException {
        try (Connection c = dataSource.getConnection();
                var s = c.prepareStatement("select count(*) from milestone_dependency where (milestone_id = ? and depends_on_id = ?) "
                        + "or (milestone_id = ? and depends_on_id = ?)")) {
            s.setLong(1, a);
            s.setLong(2, b);
            s.setLong(3, b);
            s.setLong(4, a);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
