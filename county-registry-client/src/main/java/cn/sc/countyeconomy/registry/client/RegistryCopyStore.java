package cn.sc.countyeconomy.registry.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;

/**
 * The writes of the local copy, each in one transaction of the service's own database: the full
 * load and the application of one page of the feed together with the new cursor. Both take the
 * copy's advisory lock first, and a page is applied only when the stored cursor is still the one
 * it was read after (a conditional cursor update): of several replicas reading the same page, one
 * applies it and the others find the cursor moved and leave it.
 */
@ApplicationScoped
@IfBuildProperty(name = "registry.copy.enabled", stringValue = "true")
class RegistryCopyStore {

    private static final String S = RegistryCopySchema.SCHEMA;

    @Inject
    AgroalDataSource ds;

    void migrate() throws SQLException {
        try (Connection c = ds.getConnection()) {
            RegistryCopySchema.migrate(c);
        }
    }

    /** The stored cursor; empty when the copy was never loaded. */
    OptionalLong cursor() throws SQLException {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT last_sequence FROM " + S + ".feed_cursor WHERE id = 1")) {
            return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
        }
    }

    /** Whether a migration of the copy's tables asked for a full load (the copy serves as it is until then). */
    boolean fullLoadDue() throws SQLException {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT full_load_due FROM " + S + ".feed_cursor WHERE id = 1")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** The stored cursor and when it was loaded and last moved, for the health check. */
    record CursorRow(long lastSequence, Instant loadedAt, Instant appliedAt) {
    }

    CursorRow cursorRow() throws SQLException {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT last_sequence, loaded_at, applied_at FROM " + S + ".feed_cursor WHERE id = 1")) {
            return rs.next() ? new CursorRow(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()) : null;
        }
    }

    /** Replaces the whole copy with the lists and sets the cursor to the head read before them. */
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, rollbackOn = Exception.class)
    void replaceAll(long head, List<RegistryCountyVersion> counties, List<CopiedCategoryAssignment> categories,
            List<RegistryDesignation> designations, List<RegistryDivisionChange> changes, Instant now) throws SQLException {
        try (Connection c = ds.getConnection()) {
            lock(c);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM " + S + ".county");
                s.executeUpdate("DELETE FROM " + S + ".category_assignment");
                s.executeUpdate("DELETE FROM " + S + ".designation");
                s.executeUpdate("DELETE FROM " + S + ".lineage");
            }
            try (PreparedStatement ps = c.prepareStatement(COUNTY_UPSERT)) {
                for (RegistryCountyVersion v : counties) {
                    county(ps, v.code(), v.validFrom(), v.validTo(), v.name(), v.nameEn(), v.type(), v.prefectureCode(), v.prefectureName(),
                            v.version());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(CATEGORY_UPSERT)) {
                for (CopiedCategoryAssignment a : categories) {
                    category(ps, a.id(), a.countyCode(), a.year(), a.categoryCode(), a.source(), a.endedOn(), a.version());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(DESIGNATION_UPSERT)) {
                for (RegistryDesignation d : designations) {
                    designation(ps, d.id(), d.typeCode(), d.countyCode(), d.validFrom(), d.validTo(), d.evidenceStatus(), d.sourceRef(), d.note(),
                            d.source(), d.version());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(LINEAGE_INSERT)) {
                for (RegistryDivisionChange change : changes) {
                    lineage(ps, change.id(), change.fromCodes(), change.toCodes(), change.effectiveDate());
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + S + ".feed_cursor (id, last_sequence, loaded_at, applied_at) "
                    + "VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET last_sequence = excluded.last_sequence, loaded_at = excluded.loaded_at, "
                    + "applied_at = excluded.applied_at, full_load_due = false")) {
                ps.setLong(1, head);
                ps.setTimestamp(2, Timestamp.from(now));
                ps.setTimestamp(3, Timestamp.from(now));
                ps.executeUpdate();
            }
        }
    }

    /**
     * Applies the events of one page read after {@code after} and moves the cursor to
     * {@code lastSequence}, only if the stored cursor is still {@code after}; answers whether it did.
     */
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, rollbackOn = Exception.class)
    boolean apply(long after, RegistryFeedPage page, Instant now) throws SQLException {
        try (Connection c = ds.getConnection()) {
            lock(c);
            try (PreparedStatement ps = c.prepareStatement("SELECT last_sequence FROM " + S + ".feed_cursor WHERE id = 1 FOR UPDATE")) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getLong(1) != after) {
                        return false; // another replica applied it (or reloaded the copy) meanwhile
                    }
                }
            }
            for (RegistryFeedPage.Event e : page.events()) {
                if (e.sequence() > after) {
                    applyOne(c, e);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + S + ".feed_cursor SET last_sequence = ?, applied_at = ? WHERE id = 1")) {
                ps.setLong(1, page.lastSequence());
                ps.setTimestamp(2, Timestamp.from(now));
                ps.executeUpdate();
            }
            return true;
        }
    }

    private static void lock(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + RegistryCopySchema.LOCK + ")");
        }
    }

    /** One event: the payload is the entity after the change, so each kind is an upsert of it (re-applying one is harmless). */
    private static void applyOne(Connection c, RegistryFeedPage.Event e) throws SQLException {
        JsonNode p = e.payload();
        if (p == null) {
            return;
        }
        switch (e.entityType()) {
            case "COUNTY" -> {
                String code = text(p, "code");
                LocalDate from = date(p, "validFrom");
                if (code == null || from == null) {
                    return;
                }
                if (!"RETIRED".equals(e.action()) && !"CORRECTED".equals(e.action())) {
                    // a version opened on a date ends the version of the same code open then (the feed tells only the new one)
                    try (PreparedStatement ps = c.prepareStatement("UPDATE " + S + ".county SET valid_to = ? WHERE code = ? AND valid_from < ? "
                            + "AND (valid_to IS NULL OR valid_to > ?)")) {
                        ps.setObject(1, from);
                        ps.setString(2, code);
                        ps.setObject(3, from);
                        ps.setObject(4, from);
                        ps.executeUpdate();
                    }
                }
                String prefecture = text(p, "prefectureCode");
                try (PreparedStatement ps = c.prepareStatement(COUNTY_UPSERT)) {
                    county(ps, code, from, date(p, "validTo"), text(p, "name"), text(p, "nameEn"), text(p, "type"), prefecture,
                            prefectureName(c, prefecture), p.path("version").asLong(0));
                    ps.executeUpdate();
                }
                if (p.hasNonNull("changeId")) {
                    // every COUNTY event of a division change carries the whole change: its edges are (re)written by each, harmlessly
                    LocalDate effective = e.effectiveDate() != null ? e.effectiveDate() : "RETIRED".equals(e.action()) ? date(p, "validTo") : from;
                    try (PreparedStatement ps = c.prepareStatement(LINEAGE_INSERT)) {
                        lineage(ps, p.get("changeId").asLong(), codes(p, "fromCodes"), codes(p, "toCodes"), effective);
                        ps.executeBatch();
                    }
                }
            }
            case "PREFECTURE" -> {
                // the counties' copy carries the prefecture's name; a renamed prefecture renames it in the versions valid from then on
                String code = text(p, "code");
                String name = text(p, "name");
                LocalDate from = date(p, "validFrom");
                if (code != null && name != null) {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE " + S + ".county SET prefecture_name = ? WHERE prefecture_code = ? "
                            + "AND (valid_to IS NULL OR ?::date IS NULL OR valid_to > ?::date)")) {
                        ps.setString(1, name);
                        ps.setString(2, code);
                        setDate(ps, 3, from);
                        setDate(ps, 4, from);
                        ps.executeUpdate();
                    }
                }
            }
            case "CATEGORY_ASSIGNMENT" -> {
                try (PreparedStatement ps = c.prepareStatement(CATEGORY_UPSERT)) {
                    category(ps, p.path("id").asLong(Long.parseLong(e.entityId())), text(p, "countyCode"), p.path("year").asInt(),
                            text(p, "categoryCode"), text(p, "source"), date(p, "endedOn"), p.path("version").asLong(0));
                    ps.executeUpdate();
                }
            }
            case "DESIGNATION" -> {
                try (PreparedStatement ps = c.prepareStatement(DESIGNATION_UPSERT)) {
                    designation(ps, p.path("id").asLong(Long.parseLong(e.entityId())), text(p, "typeCode"), text(p, "countyCode"),
                            date(p, "validFrom"), date(p, "validTo"), text(p, "evidenceStatus"), text(p, "sourceRef"), text(p, "note"),
                            text(p, "source"), p.path("version").asLong(0));
                    ps.executeUpdate();
                }
            }
            default -> {
                // an entity type this copy does not hold
            }
        }
    }

    private static String prefectureName(Connection c, String prefectureCode) throws SQLException {
        if (prefectureCode == null) {
            return null;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT prefecture_name FROM " + S + ".county WHERE prefecture_code = ? "
                + "AND prefecture_name IS NOT NULL ORDER BY valid_from DESC LIMIT 1")) {
            ps.setString(1, prefectureCode);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static final String COUNTY_UPSERT = "INSERT INTO " + S + ".county (code, valid_from, valid_to, name, name_en, type, prefecture_code, "
            + "prefecture_name, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code, valid_from) DO UPDATE SET valid_to = excluded.valid_to, "
            + "name = excluded.name, name_en = excluded.name_en, type = excluded.type, prefecture_code = excluded.prefecture_code, "
            + "prefecture_name = coalesce(excluded.prefecture_name, " + S + ".county.prefecture_name), version = excluded.version";
    private static final String CATEGORY_UPSERT = "INSERT INTO " + S + ".category_assignment (id, county_code, year, category_code, source, "
            + "ended_on, version) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET county_code = excluded.county_code, "
            + "year = excluded.year, category_code = excluded.category_code, source = excluded.source, ended_on = excluded.ended_on, "
            + "version = excluded.version";
    private static final String DESIGNATION_UPSERT = "INSERT INTO " + S + ".designation (id, type_code, county_code, valid_from, valid_to, "
            + "evidence_status, source_ref, note, source, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
            + "type_code = excluded.type_code, county_code = excluded.county_code, valid_from = excluded.valid_from, "
            + "valid_to = excluded.valid_to, evidence_status = excluded.evidence_status, source_ref = excluded.source_ref, "
            + "note = excluded.note, source = excluded.source, version = excluded.version";

    private static final String LINEAGE_INSERT = "INSERT INTO " + S + ".lineage (change_id, predecessor_code, successor_code, effective_date) "
            + "VALUES (?, ?, ?, ?) ON CONFLICT (change_id, predecessor_code, successor_code) DO UPDATE SET effective_date = excluded.effective_date";

    /** The edges of one division change, batched: each code it produced succeeds each code it took, but a continuing code not itself. */
    private static void lineage(PreparedStatement ps, long changeId, List<String> from, List<String> to, LocalDate effective) throws SQLException {
        if (from == null || to == null || effective == null) {
            return;
        }
        for (String predecessor : from) {
            for (String successor : to) {
                if (!predecessor.equals(successor)) {
                    ps.setLong(1, changeId);
                    ps.setString(2, predecessor);
                    ps.setString(3, successor);
                    ps.setObject(4, effective);
                    ps.addBatch();
                }
            }
        }
    }

    private static List<String> codes(JsonNode p, String field) {
        List<String> out = new java.util.ArrayList<>();
        p.path(field).forEach(n -> out.add(n.asText()));
        return out;
    }

    private static void county(PreparedStatement ps, String code, LocalDate from, LocalDate to, String name, String nameEn, String type,
            String prefectureCode, String prefectureName, long version) throws SQLException {
        ps.setString(1, code);
        ps.setObject(2, from);
        setDate(ps, 3, to);
        ps.setString(4, name == null ? code : name);
        ps.setString(5, nameEn);
        ps.setString(6, type);
        ps.setString(7, prefectureCode);
        ps.setString(8, prefectureName);
        ps.setLong(9, version);
    }

    private static void category(PreparedStatement ps, long id, String county, int year, String category, String source, LocalDate endedOn,
            long version) throws SQLException {
        ps.setLong(1, id);
        ps.setString(2, county);
        ps.setInt(3, year);
        ps.setString(4, category);
        ps.setString(5, source);
        setDate(ps, 6, endedOn);
        ps.setLong(7, version);
    }

    private static void designation(PreparedStatement ps, long id, String type, String county, LocalDate from, LocalDate to, String evidence,
            String sourceRef, String note, String source, long version) throws SQLException {
        ps.setLong(1, id);
        ps.setString(2, type);
        ps.setString(3, county);
        ps.setObject(4, from);
        setDate(ps, 5, to);
        ps.setString(6, evidence);
        ps.setString(7, sourceRef);
        ps.setString(8, note);
        ps.setString(9, source);
        ps.setLong(10, version);
    }

    private static void setDate(PreparedStatement ps, int i, LocalDate d) throws SQLException {
        if (d == null) {
            ps.setNull(i, Types.DATE);
        } else {
            ps.setDate(i, Date.valueOf(d));
        }
    }

    private static String text(JsonNode p, String field) {
        JsonNode n = p.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static LocalDate date(JsonNode p, String field) {
        String t = text(p, field);
        return t == null ? null : LocalDate.parse(t);
    }
}
