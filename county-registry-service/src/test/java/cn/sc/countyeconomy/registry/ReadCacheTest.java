package cn.sc.countyeconomy.registry;

import cn.sc.countyeconomy.api.testing.PostgresTestResource;
import cn.sc.countyeconomy.api.testing.TestTokens;
import cn.sc.countyeconomy.registry.service.FeedSequence;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The read caches are keyed with the change-feed sequence, which a replica learns from the
 * database's notifications: a write made by another replica (here: straight in the database, as
 * that replica's ChangeFeed writes it) shows in this replica's cached answers once its
 * notification arrives, with no request asking the database for the sequence.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class ReadCacheTest {

    static final String ADMIN = TestTokens.bearer("admin");
    static final String READER = TestTokens.bearer("reader");

    @Inject
    AgroalDataSource database;
    @Inject
    FeedSequence sequence;

    @Test
    void anotherReplicasWriteShowsOnceItsNotificationArrives() throws Exception {
        long id = designationNoted("510108", "before");
        for (int i = 0; i < 2; i++) { // the second answer comes from the cache
            given().header("Authorization", READER).queryParam("type", "CACHE_TEST").when().get("/api/v1/designations").then()
                    .body("items.note", hasItem("before"));
        }
        awaitCondition(sequence::listening, "the replica listens to the database's notifications");

        long written = writeAsAnotherReplica(id, "after");
        awaitCondition(() -> sequence.known() >= written, "the replica hears the other replica's write of sequence " + written);
        given().header("Authorization", READER).when().get("/api/v1/counties/510108").then().statusCode(200)
                .body("designations.find { it.id == " + id + " }.note", equalTo("after"));
        given().header("Authorization", READER).queryParam("type", "CACHE_TEST").when().get("/api/v1/designations").then()
                .body("items.note", hasItem("after"));
    }

    @Test
    void aListenerWhoseConnectionDropsReconnectsAndHearsTheNextWrite() throws Exception {
        long id = designationNoted("510105", "before drop"); // not 510108: the other test designates it from the same day
        awaitCondition(sequence::listening, "the replica listens");
        long connects = sequence.connects();
        long losses = sequence.losses();

        try (Connection c = database.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        + "WHERE application_name = ? AND datname = current_database()")) {
            ps.setString(1, FeedSequence.APPLICATION_NAME);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next() && rs.getBoolean(1), "the listener's backend is terminated");
                assertFalse(rs.next(), "one listener per replica");
            }
        }
        awaitCondition(() -> sequence.losses() > losses, "the listener notices its connection is gone");
        awaitCondition(() -> sequence.connects() > connects && sequence.listening(), "the listener reconnects");

        long written = writeAsAnotherReplica(id, "after drop");
        awaitCondition(() -> sequence.known() >= written, "the reconnected listener hears the write of sequence " + written);
        given().header("Authorization", READER).when().get("/api/v1/counties/510105").then().statusCode(200)
                .body("designations.find { it.id == " + id + " }.note", equalTo("after drop"));
        given().header("Authorization", READER).queryParam("type", "CACHE_TEST").when().get("/api/v1/designations").then()
                .body("items.find { it.id == " + id + " }.note", equalTo("after drop"));
    }

    /** A designation of the county with the note, read twice so that the answers are cached. */
    private long designationNoted(String county, String note) {
        int status = given().header("Authorization", ADMIN).contentType("application/json")
                .body(Map.of("code", "CACHE_TEST", "name", "缓存测试", "nameEn", "Cache test")).when().post("/api/v1/designation-types").statusCode();
        assertTrue(status == 201 || status == 409, "type: " + status);
        long id = given().header("Authorization", ADMIN).contentType("application/json")
                .body(Map.of("typeCode", "CACHE_TEST", "countyCode", county, "validFrom", "2001-01-01", "sourceRef", "test", "note", note))
                .when().post("/api/v1/designations").then().statusCode(201).extract().jsonPath().getLong("id");
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", READER).when().get("/api/v1/counties/" + county).then()
                    .body("designations.find { it.id == " + id + " }.note", equalTo(note));
        }
        return id;
    }

    /** Waits for a condition of the listener thread; the bound only keeps a broken listener from hanging the build. */
    private static void awaitCondition(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within 30 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    /** What another replica's DesignationService.correct writes: the row, the counter and the event, in one transaction. */
    private long writeAsAnotherReplica(long designation, String note) throws Exception {
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            long seq;
            try (PreparedStatement ps = c.prepareStatement("UPDATE change_counter SET last_value = last_value + 1 WHERE id = 1 RETURNING last_value");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                seq = rs.getLong(1);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE designation SET note = ?, version = version + 1 WHERE id = ?")) {
                ps.setString(1, note);
                ps.setLong(2, designation);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO change_event (sequence, occurred_at, entity_type, entity_id, action, "
                    + "effective_date, payload) VALUES (?, now(), 'DESIGNATION', ?, 'CORRECTED', NULL, ?::jsonb)")) {
                ps.setLong(1, seq);
                ps.setString(2, Long.toString(designation));
                ps.setString(3, "{\"id\":" + designation + ",\"note\":\"" + note + "\"}");
                ps.executeUpdate();
            }
            c.commit();
            return seq;
        }
    }
}
