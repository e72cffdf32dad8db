package cn.sc.countyeconomy.api.schema;

import cn.sc.countyeconomy.api.testing.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared tables' own Flyway, driven as a service's Flyway drives it (a callback of that
 * Flyway), on a real PostgreSQL. The service is played by the test-only scripts in
 * {@code db/testservice} (V1, V2); {@code db/testconventions} holds a test-only next shared
 * migration, V90 (above every shipped one). Neither location is shipped. The shipped shared scripts
 * after V1 (V2, V3...) are read from the classpath, so that adding one does not change these tests.
 */
class SharedTablesMigrationTest {

    private static final String SERVICE = "classpath:db/testservice";
    private static final String NEXT_SHARED = "classpath:db/testconventions";
    private static final EmbeddedPostgres PG = EmbeddedPostgres.shared();

    @Test
    void aFreshDatabaseGetsTheSharedTablesAndTheServiceItsOwnHistory() throws SQLException {
        String db = PG.createDatabase("shared_fresh");

        assertEquals(2, service(db, new SharedTablesMigration()).migrate().migrationsExecuted);

        assertEquals(List.of("1 SQL V1__test_service_items.sql", "2 SQL V2__test_service_item_notes.sql"),
                history(db, "flyway_schema_history"));
        assertEquals(plus(List.of("0 BASELINE << shared tables not created yet >>", "1 SQL V1__api_conventions.sql"), shippedAfterV1()),
                history(db, SharedTablesMigration.HISTORY_TABLE));
        assertEquals(0, count(db, "api_audit_record"));
        assertEquals(0, count(db, "api_idempotency_record"));

        // the next start changes nothing, and both histories validate
        assertEquals(0, service(db, new SharedTablesMigration()).migrate().migrationsExecuted);
        assertEquals(2 + shippedAfterV1().size(), history(db, SharedTablesMigration.HISTORY_TABLE).size());
        service(db, new SharedTablesMigration()).validate();
        shared(db, SharedTablesMigration.LOCATION).validate();
    }

    /**
     * @param recordedAs the script column of the old row: the bare name as plain Flyway records it,
     *                   or the resource path as the services' Quarkus Flyway recorded it
     */
    @ParameterizedTest
    @ValueSource(strings = {"V0_1__api_conventions.sql", "db/conventions/V0_1__api_conventions.sql"})
    void aDatabaseOfTheOldLayoutKeepsItsRowsAndThenTakesTheNextSharedMigration(String recordedAs, @TempDir Path oldLayout)
            throws SQLException, IOException {
        String db = PG.createDatabase("shared_old_layout");
        migrateAsTheOldLayout(db, oldLayout);
        execute(db, "UPDATE flyway_schema_history SET script = '" + recordedAs + "' WHERE version = '0.1'");
        assertEquals(List.of("0.1 SQL " + recordedAs, "1 SQL V1__test_service_items.sql",
                "2 SQL V2__test_service_item_notes.sql"), history(db, "flyway_schema_history"));
        execute(db, "INSERT INTO api_audit_record (occurred_at, actor, actor_roles, resource_type, resource_id, action)"
                + " VALUES (now(), 'alice', 'editor', 'county', '510522', 'UPDATE')");
        execute(db, "INSERT INTO api_idempotency_record (principal, idem_key, request_hash, method, path, status, created_at)"
                + " VALUES ('alice', 'key-1', 'hash', 'POST', '/counties', 201, now())");

        // why the old row has to go: the service's Flyway alone no longer knows that script
        assertThrows(FlywayException.class, () -> Flyway.configure().dataSource(PG.jdbcUrl(db), "postgres", "")
                .locations(SERVICE).load().validate());

        // the new version starts, with the shipped shared migrations after V1 and a next one (V90)
        assertEquals(0, service(db, new SharedTablesMigration(SharedTablesMigration.LOCATION, NEXT_SHARED))
                .migrate().migrationsExecuted);

        assertEquals(List.of("1 SQL V1__test_service_items.sql", "2 SQL V2__test_service_item_notes.sql"),
                history(db, "flyway_schema_history"));
        assertEquals(plus(List.of("1 BASELINE api conventions, made as V0_1__api_conventions.sql in the service history"),
                shippedAfterV1(), List.of("90 SQL V90__test_idempotency_note.sql")),
                history(db, SharedTablesMigration.HISTORY_TABLE));
        assertEquals(List.of("alice county 510522 UPDATE"),
                rows(db, "SELECT actor || ' ' || resource_type || ' ' || resource_id || ' ' || action FROM api_audit_record"));
        assertEquals(List.of("alice key-1 201 -"),
                rows(db, "SELECT principal || ' ' || idem_key || ' ' || status || ' ' || coalesce(test_note, '-')"
                        + " FROM api_idempotency_record"));

        // the next start changes nothing, and both histories validate
        assertEquals(0, service(db, new SharedTablesMigration(SharedTablesMigration.LOCATION, NEXT_SHARED))
                .migrate().migrationsExecuted);
        assertEquals(2 + shippedAfterV1().size(), history(db, SharedTablesMigration.HISTORY_TABLE).size());
        service(db, new SharedTablesMigration(SharedTablesMigration.LOCATION, NEXT_SHARED)).validate();
        shared(db, SharedTablesMigration.LOCATION, NEXT_SHARED).validate();
    }

    @Test
    void theServiceHistoryMayLiveInAConfiguredSchema() throws SQLException {
        String db = PG.createDatabase("shared_schema");
        Flyway inSchema = Flyway.configure().dataSource(PG.jdbcUrl(db), "postgres", "")
                .schemas("county").locations(SERVICE).callbacks(new SharedTablesMigration()).load();

        assertEquals(2, inSchema.migrate().migrationsExecuted);

        assertEquals(plus(List.of("0 BASELINE << shared tables not created yet >>", "1 SQL V1__api_conventions.sql"), shippedAfterV1()),
                history(db, "county." + SharedTablesMigration.HISTORY_TABLE));
        assertEquals(0, count(db, "county.api_audit_record"));
        assertEquals(List.of(), rows(db, "SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = 'public' AND relname LIKE 'api_%'"));
    }

    /** The layout before the shared history: the shared script as V0_1 in the service's one history. */
    private static void migrateAsTheOldLayout(String db, Path dir) throws IOException {
        try (InputStream v1 = SharedTablesMigrationTest.class.getResourceAsStream("/db/conventions/V1__api_conventions.sql")) {
            Files.copy(v1, dir.resolve(SharedTablesMigration.LEGACY_SCRIPT));
        }
        Flyway.configure().dataSource(PG.jdbcUrl(db), "postgres", "")
                .locations("filesystem:" + dir, SERVICE).load().migrate();
    }

    private static Flyway service(String db, SharedTablesMigration shared) {
        return Flyway.configure().dataSource(PG.jdbcUrl(db), "postgres", "")
                .locations(SERVICE).callbacks(shared).load();
    }

    private static Flyway shared(String db, String... locations) {
        return Flyway.configure().dataSource(PG.jdbcUrl(db), "postgres", "")
                .table(SharedTablesMigration.HISTORY_TABLE).locations(locations).load();
    }

    /** The shipped shared scripts after V1 as their history rows ("4 SQL V4__outbox.sql"), by version. */
    private static List<String> shippedAfterV1() {
        try (var files = Files.list(Path.of(SharedTablesMigrationTest.class.getResource("/db/conventions/V1__api_conventions.sql").toURI()).getParent())) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V[0-9]+__.+\\.sql") && !n.startsWith("V1__"))
                    .sorted(java.util.Comparator.comparingInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))))
                    .map(n -> n.substring(1, n.indexOf("__")) + " SQL " + n).toList();
        } catch (IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @SafeVarargs
    private static List<String> plus(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> p : parts) {
            all.addAll(p);
        }
        return all;
    }

    /** "version type script-or-description" of the successful rows, in order. */
    private static List<String> history(String db, String table) throws SQLException {
        return rows(db, "SELECT version || ' ' || type || ' ' || CASE WHEN type = 'BASELINE' THEN description ELSE script END"
                + " FROM " + table + " WHERE success ORDER BY installed_rank");
    }

    private static long count(String db, String table) throws SQLException {
        return Long.parseLong(rows(db, "SELECT count(*) FROM " + table).get(0));
    }

    private static List<String> rows(String db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(PG.jdbcUrl(db), "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }

    private static void execute(String db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(PG.jdbcUrl(db), "postgres", "");
                Statement s = c.createStatement()) {
            assertTrue(s.executeUpdate(sql) > 0);
        }
    }
}
