package cn.sc.countyeconomy.registry.client;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The registry facts as this service's local copy holds them (tables in schema {@code registry_copy}
 * of its own database, kept by {@link RegistryFollower} from the registry's change feed). Reads never
 * call the registry, so they go on answering while it is down. Before the copy was ever loaded they
 * answer the registry client's 503 problem with Retry-After. Enabled with the build property
 * {@code registry.copy.enabled=true}.
 */
@ApplicationScoped
@IfBuildProperty(name = "registry.copy.enabled", stringValue = "true")
public class RegistryCopy {

    /** The key of the copy's PostgreSQL advisory lock, taken by every write of the copy (migration, full load, applying a page). */
    public static final long LOCK_KEY = RegistryCopySchema.LOCK;

    private static final String S = RegistryCopySchema.SCHEMA;
    private static final String COUNTY_COLUMNS = "code, name, name_en, type, prefecture_code, prefecture_name, valid_from, valid_to, version";
    /** The county's name: the version valid on the fact's start, else its latest. */
    private static final String NAME_OF = "(SELECT c.name FROM " + S + ".county c WHERE c.code = x.county_code "
            + "ORDER BY (c.valid_from <= %s AND (c.valid_to IS NULL OR c.valid_to > %s)) DESC, c.valid_from DESC LIMIT 1)";

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "registry.retry-after-seconds", defaultValue = "30")
    int retryAfterSeconds;

    /** Every county-level division valid on the date, by code, each ACTIVE. */
    public List<RegistryCounty> countiesOn(LocalDate date) {
        return query("SELECT " + COUNTY_COLUMNS + " FROM " + S + ".county WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to > ?) ORDER BY code",
                ps -> {
                    ps.setObject(1, date);
                    ps.setObject(2, date);
                }, rs -> county(rs, date));
    }

    /**
     * The county with this code as of the date: the version valid then (ACTIVE), else RETIRED (its
     * last version ended before) or NOT_YET_VALID (its first version starts later); empty when the
     * copy holds no version of the code. Its {@code successors} and {@code predecessors} are those of
     * the lineage as known on the date ({@link #successors}, {@link #predecessors}).
     */
    public Optional<RegistryCounty> county(String code, LocalDate date) {
        List<RegistryCounty> versions = query("SELECT " + COUNTY_COLUMNS + " FROM " + S + ".county WHERE code = ? ORDER BY valid_from",
                ps -> ps.setString(1, code), rs -> county(rs, date));
        RegistryCounty pick = null;
        for (RegistryCounty v : versions) {
            if (v.active()) {
                pick = v;
                break;
            }
            if (RegistryCounty.RETIRED.equals(v.status())) {
                pick = v;
            }
        }
        if (pick == null && !versions.isEmpty()) {
            pick = versions.get(0);
        }
        return Optional.ofNullable(pick).map(v -> withLineage(v, successors(code, date), predecessors(code, date)));
    }

    /**
     * The codes that took over (part of) this code by the date, through division changes effective on
     * or before it (direct successors, as the registry's county view gives them; a code that continues
     * after a split is no successor of itself), each named as on the change's date, ordered by date and
     * code. Empty for a code no change retired or split by then.
     */
    public List<RegistryCounty.CodeName> successors(String code, LocalDate date) {
        return lineage("predecessor_code", "successor_code", code, date);
    }

    /** The codes this code took over (part of) by the date: the converse of {@link #successors}. */
    public List<RegistryCounty.CodeName> predecessors(String code, LocalDate date) {
        return lineage("successor_code", "predecessor_code", code, date);
    }

    /** One direction of the lineage: the name of the other code is that of its version valid on the change's date (else its latest). */
    private List<RegistryCounty.CodeName> lineage(String from, String to, String code, LocalDate date) {
        return query("SELECT DISTINCT ON (l.effective_date, l." + to + ") l." + to + ", (SELECT c.name FROM " + S + ".county c WHERE c.code = l." + to
                + " ORDER BY (c.valid_from <= l.effective_date AND (c.valid_to IS NULL OR c.valid_to >= l.effective_date)) DESC, c.valid_from DESC "
                + "LIMIT 1) FROM " + S + ".lineage l WHERE l." + from + " = ? AND l.effective_date <= ? ORDER BY l.effective_date, l." + to, ps -> {
                    ps.setString(1, code);
                    ps.setObject(2, date);
                }, rs -> new RegistryCounty.CodeName(rs.getString(1).trim(), rs.getString(2)));
    }

    private static RegistryCounty withLineage(RegistryCounty v, List<RegistryCounty.CodeName> successors, List<RegistryCounty.CodeName> predecessors) {
        return new RegistryCounty(v.code(), v.name(), v.nameEn(), v.level(), v.type(), v.prefectureCode(), v.prefectureName(), v.regionCode(),
                v.regionName(), v.validFrom(), v.validTo(), v.status(), successors, predecessors, v.category(), v.designations(), v.version());
    }

    /** The category of every county that has one (not ended) for the year, as the registry's {@code /category-assignments?year=}. */
    public List<RegistryCategoryAssignment> categories(int year) {
        String day = "make_date(x.year, 12, 31)";
        return query("SELECT x.id, x.county_code, " + NAME_OF.formatted(day, day) + ", x.year, x.category_code, x.source, x.version FROM " + S
                + ".category_assignment x WHERE x.year = ? AND x.ended_on IS NULL ORDER BY x.county_code, x.id", ps -> ps.setInt(1, year),
                rs -> new RegistryCategoryAssignment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        categoryName(rs.getString(5)), rs.getString(6), rs.getLong(7)));
    }

    /**
     * Designations of a type valid on a date ({@code date} null: all, ended ones included), of one
     * county ({@code countyCode} null: of every county), ordered by county and start.
     */
    public List<RegistryDesignation> designations(String type, LocalDate date, String countyCode) {
        return query("SELECT x.id, x.type_code, x.county_code, " + NAME_OF.formatted("x.valid_from", "x.valid_from") + ", x.valid_from, x.valid_to, "
                + "x.evidence_status, x.source_ref, x.note, x.source, x.version FROM " + S + ".designation x WHERE x.type_code = ? "
                + "AND (?::date IS NULL OR (x.valid_from <= ?::date AND (x.valid_to IS NULL OR x.valid_to > ?::date))) "
                + "AND (?::text IS NULL OR x.county_code = ?::text) ORDER BY x.county_code, x.valid_from, x.id", ps -> {
                    ps.setString(1, type);
                    ps.setObject(2, date, java.sql.Types.DATE);
                    ps.setObject(3, date, java.sql.Types.DATE);
                    ps.setObject(4, date, java.sql.Types.DATE);
                    ps.setString(5, countyCode);
                    ps.setString(6, countyCode);
                }, rs -> new RegistryDesignation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class),
                        rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getLong(11)));
    }

    /** The feed sequence the copy stands at; empty when it was never loaded. */
    public java.util.OptionalLong cursor() {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT last_sequence FROM " + S + ".feed_cursor WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? java.util.OptionalLong.of(rs.getLong(1)) : java.util.OptionalLong.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("reading the local copy of the registry failed", e);
        }
    }

    /** When the copy was last loaded or changed by the feed; empty when it was never loaded. */
    public Optional<java.time.Instant> changedAt() {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT applied_at FROM " + S + ".feed_cursor WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.ofNullable(rs.getTimestamp(1)).map(java.sql.Timestamp::toInstant) : Optional.empty();
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return Optional.empty();
            }
            throw new IllegalStateException("reading the local copy of the registry failed", e);
        }
    }

    /** Whether the copy was loaded (it then answers every read; before, reads answer 503). */
    public boolean loaded() {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + S + ".feed_cursor WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next();
        } catch (SQLException e) {
            return false;
        }
    }

    private static RegistryCounty county(ResultSet rs, LocalDate date) throws SQLException {
        LocalDate from = rs.getObject(7, LocalDate.class);
        LocalDate to = rs.getObject(8, LocalDate.class);
        String status = from.isAfter(date)
                ? RegistryCounty.NOT_YET_VALID
                : to != null && !to.isAfter(date) ? RegistryCounty.RETIRED : RegistryCounty.ACTIVE;
        return new RegistryCounty(rs.getString(1).trim(), rs.getString(2), rs.getString(3), "COUNTY", rs.getString(4), trim(rs.getString(5)),
                rs.getString(6), null, null, from, to, status, List.of(), List.of(), null, List.of(), rs.getLong(9));
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    private static String categoryName(String code) {
        return switch (code) {
            case RegistryCategoryAssignment.CITY_CORE_DISTRICT -> "城市主城区";
            case RegistryCategoryAssignment.KEY_DEVELOPMENT -> "重点开发区县";
            case RegistryCategoryAssignment.MAIN_FARM_PRODUCE -> "农产品主产区县";
            case RegistryCategoryAssignment.KEY_ECOLOGICAL_FUNCTION -> "重点生态功能区县";
            default -> code;
        };
    }

    private interface Binder {

        void bind(PreparedStatement ps) throws SQLException;
    }

    private interface Row<T> {

        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, Binder binder, Row<T> row) {
        try (Connection c = ds.getConnection()) {
            if (!loaded(c)) {
                throw RegistryUnavailable.notLoaded(retryAfterSeconds);
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                List<T> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row.read(rs));
                    }
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the local copy of the registry failed", e);
        }
    }

    private static boolean loaded(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + S + ".feed_cursor WHERE id = 1"); ResultSet rs = ps.executeQuery()) {
            return rs.next();
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return false; // not migrated yet
            }
            throw e;
        }
    }
}
