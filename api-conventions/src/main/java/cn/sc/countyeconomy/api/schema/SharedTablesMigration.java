package cn.sc.countyeconomy.api.schema;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Migrates the tables of this module (audit and idempotency records) with a Flyway of their own:
 * scripts in {@value #LOCATION}, history in {@value #HISTORY_TABLE}, in the schema of the service's
 * own history. So the shared tables are numbered V1, V2... whatever the service's migrations are.
 *
 * <p>It runs as a callback of the service's Flyway (added by {@link SharedTablesFlywayCustomizer}),
 * hence inside Quarkus' migrate-at-start and before Hibernate validates the schema:
 * <ul>
 *   <li>{@code beforeValidate} (and again {@code beforeMigrate}, in case validation is off): forgets
 *       the service's history row of the old layout, {@value #LEGACY_SCRIPT}, version
 *       {@value #LEGACY_VERSION} (as Quarkus' Flyway recorded it, {@value #LEGACY_SCRIPT_PATH}; plain
 *       Flyway records the bare name). Until the shared tables had their own history, that script ran
 *       through every service's Flyway; the service no longer has it, and Flyway would refuse to
 *       start on an applied migration it cannot find. Only that one row is removed: an ignore
 *       pattern ({@code *:missing}) would hide every other missing migration of the service too.</li>
 *   <li>{@code beforeMigrate} (the service's history table exists by then, so the service's Flyway
 *       never finds a schema that is "non-empty without history"): migrates the shared tables.
 *       When {@value #V1_TABLE} already exists but the shared history does not, the database was
 *       made by the old layout and the history starts with a baseline at version 1 (what V1
 *       creates); otherwise it starts at 0 and V1 creates the tables. Then any later V2, V3... run
 *       as usual. No row of the shared tables is touched.</li>
 * </ul>
 * The scripts are found by Flyway's own classpath scanning (Quarkus registers at build time only the
 * service's locations); {@code failOnMissingLocations} makes a packaging that lost them fail at
 * start-up instead of starting without the tables.
 */
public final class SharedTablesMigration implements Callback {

    public static final String HISTORY_TABLE = "api_conventions_schema_history";
    public static final String LOCATION = "classpath:db/conventions";
    /** How the old layout recorded the shared script in the service's own history. */
    static final String LEGACY_VERSION = "0.1";
    static final String LEGACY_SCRIPT = "V0_1__api_conventions.sql";
    static final String LEGACY_SCRIPT_PATH = "db/conventions/" + LEGACY_SCRIPT;
    /** Created by V1: present without a shared history means "made by the old layout". */
    static final String V1_TABLE = "api_audit_record";

    private static final Logger LOG = Logger.getLogger(SharedTablesMigration.class);

    private final String[] locations;

    public SharedTablesMigration() {
        this(LOCATION);
    }

    /** With other locations than {@value #LOCATION}; for tests that add migrations of their own. */
    public SharedTablesMigration(String... locations) {
        this.locations = locations.clone();
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        // the work is done on connections of its own, committed there
        return false;
    }

    @Override
    public void handle(Event event, Context context) {
        Configuration service = context.getConfiguration();
        try {
            forgetLegacyEntry(service);
        } catch (SQLException e) {
            throw new FlywayException("Could not remove " + LEGACY_SCRIPT + " from " + service.getTable(), e);
        }
        if (event == Event.BEFORE_MIGRATE) {
            migrate(service);
        }
    }

    @Override
    public String getCallbackName() {
        return "api-conventions shared tables";
    }

    /** Migrates the shared tables next to the service's history; returns the number of scripts applied. */
    public int migrate(Configuration service) {
        boolean madeByOldLayout;
        try {
            madeByOldLayout = !exists(service.getDataSource(), qualified(service, HISTORY_TABLE))
                    && exists(service.getDataSource(), qualified(service, V1_TABLE));
        } catch (SQLException e) {
            throw new FlywayException("Could not inspect the shared tables", e);
        }
        FluentConfiguration shared = Flyway.configure(SharedTablesMigration.class.getClassLoader())
                .dataSource(service.getDataSource())
                .table(HISTORY_TABLE)
                .locations(locations)
                .failOnMissingLocations(true)
                .baselineOnMigrate(true)
                .baselineVersion(madeByOldLayout ? "1" : "0")
                .baselineDescription(madeByOldLayout
                        ? "api conventions, made as " + LEGACY_SCRIPT + " in the service history"
                        : "<< shared tables not created yet >>");
        String schema = historySchema(service);
        if (schema != null) {
            shared.defaultSchema(schema).schemas(schema);
        }
        if (service.getInitSql() != null) {
            shared.initSql(service.getInitSql());
        }
        int applied = shared.load().migrate().migrationsExecuted;
        LOG.infof("Shared tables (api-conventions): %d migration(s) applied, history in %s%s", applied, HISTORY_TABLE,
                madeByOldLayout ? ", baselined at 1 (tables made by the old layout)" : "");
        return applied;
    }

    /** Removes the old layout's row of the shared script from the service's history, if there. */
    void forgetLegacyEntry(Configuration service) throws SQLException {
        String history = qualified(service, service.getTable());
        if (!exists(service.getDataSource(), history)) {
            return;
        }
        try (Connection c = service.getDataSource().getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM " + history + " WHERE version = ? AND script IN (?, ?)")) {
                delete.setString(1, LEGACY_VERSION);
                delete.setString(2, LEGACY_SCRIPT_PATH);
                delete.setString(3, LEGACY_SCRIPT);
                if (delete.executeUpdate() > 0) {
                    LOG.infof("%s: removed the row of %s (version %s); the shared tables now have their own history, %s",
                            history, LEGACY_SCRIPT, LEGACY_VERSION, HISTORY_TABLE);
                }
            }
        }
    }

    private static boolean exists(DataSource dataSource, String qualifiedTable) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            q.setString(1, qualifiedTable);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** The schema Flyway puts the service's history in; null: the connection's current schema. */
    private static String historySchema(Configuration service) {
        if (service.getDefaultSchema() != null) {
            return service.getDefaultSchema();
        }
        String[] schemas = service.getSchemas();
        return schemas != null && schemas.length > 0 ? schemas[0] : null;
    }

    private static String qualified(Configuration service, String table) {
        String schema = historySchema(service);
        return schema == null ? quote(table) : quote(schema) + "." + quote(table);
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
