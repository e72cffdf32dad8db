package cn.sc.countyeconomy.registry.client;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables of the local copy, in their own schema {@value #SCHEMA} with their own history table,
 * so that the service's Flyway migrations (schema public, numbering of its own) never see them.
 * Each migration is applied once, in order, under a transaction-scoped advisory lock, so replicas
 * starting together do not race. A new migration is appended to {@link #MIGRATIONS}; never edit one
 * that has shipped.
 */
final class RegistryCopySchema {

    static final String SCHEMA = "registry_copy";
    /** Key of the advisory locks of the copy (schema migration, full load, applying the feed). */
    static final long LOCK = 0x5245_4743_4f50_59L; // "REGCOPY"

    static final List<String> MIGRATIONS = List.of("""
        CREATE TABLE registry_copy.county (
            code            bpchar(6) NOT NULL,
            valid_from      date NOT NULL,
            valid_to        date,
            name            text NOT NULL,
            name_en         text,
            type            text,
            prefecture_code bpchar(6),
            prefecture_name text,
            version         bigint NOT NULL DEFAULT 0,
            PRIMARY KEY (code, valid_from)
        );
        CREATE TABLE registry_copy.category_assignment (
            id            bigint PRIMARY KEY,
            county_code   bpchar(6) NOT NULL,
            year          integer NOT NULL,
            category_code text NOT NULL,
            source        text,
            ended_on      date,
            version       bigint NOT NULL DEFAULT 0
        );
        CREATE INDEX category_assignment_year ON registry_copy.category_assignment (year);
        CREATE TABLE registry_copy.designation (
            id              bigint PRIMARY KEY,
            type_code       text NOT NULL,
            county_code     bpchar(6) NOT NULL,
            valid_from      date NOT NULL,
            valid_to        date,
            evidence_status text,
            source_ref      text,
            note            text,
            source          text,
            version         bigint NOT NULL DEFAULT 0
        );
        CREATE INDEX designation_type_county ON registry_copy.designation (type_code, county_code);
        CREATE TABLE registry_copy.feed_cursor (
            id            integer PRIMARY KEY CHECK (id = 1),
            last_sequence bigint NOT NULL,
            loaded_at     timestamptz NOT NULL,
            applied_at    timestamptz NOT NULL
        );
        """, """
        -- 2: lineage, which code took over (part of) which, by which division change, from when
        CREATE TABLE registry_copy.lineage (
            change_id        bigint NOT NULL,
            predecessor_code bpchar(6) NOT NULL,
            successor_code   bpchar(6) NOT NULL,
            effective_date   date NOT NULL,
            PRIMARY KEY (change_id, predecessor_code, successor_code)
        );
        CREATE INDEX lineage_predecessor ON registry_copy.lineage (predecessor_code, effective_date);
        CREATE INDEX lineage_successor ON registry_copy.lineage (successor_code, effective_date);
        -- a copy loaded before this migration has no lineage: its follower loads it again at its next round, serving the
        -- copy as it is meanwhile
        ALTER TABLE registry_copy.feed_cursor ADD COLUMN full_load_due boolean NOT NULL DEFAULT false;
        UPDATE registry_copy.feed_cursor SET full_load_due = true;
        """);

    private RegistryCopySchema() {
    }

    /** Brings the schema up to date; answers how many migrations it applied. */
    static int migrate(Connection c) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
            s.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
            s.execute("CREATE TABLE IF NOT EXISTS " + SCHEMA + ".schema_history (version integer PRIMARY KEY, "
                    + "applied_at timestamptz NOT NULL DEFAULT now())");
            int done;
            try (ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM " + SCHEMA + ".schema_history")) {
                rs.next();
                done = rs.getInt(1);
            }
            for (int v = done + 1; v <= MIGRATIONS.size(); v++) {
                s.execute(MIGRATIONS.get(v - 1));
                s.execute("INSERT INTO " + SCHEMA + ".schema_history (version) VALUES (" + v + ")");
            }
            c.commit();
            return Math.max(0, MIGRATIONS.size() - done);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }
}
