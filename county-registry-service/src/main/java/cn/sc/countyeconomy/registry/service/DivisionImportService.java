package cn.sc.countyeconomy.registry.service;

import cn.sc.countyeconomy.registry.mapping.DivisionTypes;
import cn.sc.countyeconomy.api.audit.AuditTrail;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.problem.Problem;
import cn.sc.countyeconomy.registry.Division;
import cn.sc.countyeconomy.registry.mapping.PlaceNames;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.Session;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bulk import of divisions in the layout of county_level_divisions.csv
 * ({@code code,name,prefecture_code,prefecture_name,province_code,province_name}). The body is
 * read as a stream; what already exists with the same name and parent is left alone (so importing
 * a file twice changes nothing), what is new is inserted in batches in one transaction, and any
 * row that contradicts the register refuses the whole import. A dry run answers the same report
 * without writing.
 */
@ApplicationScoped
public class DivisionImportService {

    static final List<String> COLUMNS = List.of("code", "name", "prefecture_code", "prefecture_name", "province_code", "province_name");
    static final int MAX_LISTED = 200;

    @Schema(name = "ImportCounts")
    public record Counts(int created, int unchanged) {
    }

    @Schema(name = "ImportConflict", description = "A row that contradicts the register.")
    public record Conflict(int line, String code, String message) {
    }

    @Schema(name = "DivisionImportReport")
    public record Report(@Schema(description = "True when nothing was written.") boolean dryRun,
                         @Schema(description = "Data rows read.") int rowsRead,
                         Counts provinces, Counts prefectures, Counts counties,
                         @Schema(description = "Rows contradicting the register (any refuses a real import with 409); at most 200 listed.") List<Conflict> conflicts,
                         @Schema(description = "How many conflicts in all.") int conflictCount,
                         @Schema(description = "Validity start given to created divisions.") LocalDate validFrom,
                         @Schema(description = "Change feed sequence after the import (null on a dry run or when nothing was created).", nullable = true) Long lastSequence) {
    }

    private record Planned(String code, String level, String type, String name, String parent, int line) {
    }

    @Inject
    EntityManager em;
    @Inject
    ChangeFeed feed;
    @Inject
    AuditTrail audit;

    @Transactional
    public Report importCsv(InputStream body, boolean dryRun, LocalDate validFrom, String source) {
        if (!dryRun) {
            feed.lockForWrite();
        }
        Map<String, Division> current = new HashMap<>();
        for (Division d : Division.<Division>list("validTo is null")) {
            current.put(d.code, d);
        }
        Map<String, LocalDate> retired = new HashMap<>();
        for (Object[] row : em.createQuery("select code, max(validTo) from Division group by code having count(*) > 0 and max(case when validTo is null then 1 else 0 end) = 0", Object[].class).getResultList()) {
            retired.put((String) row[0], (LocalDate) row[1]);
        }
        Map<String, Planned> planned = new LinkedHashMap<>();
        List<Problem.Violation> errors = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        int[] conflictCount = {0};
        int[] unchanged = new int[3];
        int rows = 0;
        Set<String> fileProvinces = new java.util.HashSet<>();
        Set<String> filePrefectures = new java.util.HashSet<>();
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (Reader reader = new InputStreamReader(body, StandardCharsets.UTF_8);
             MappingIterator<Map<String, String>> it = mapper.readerFor(Map.class).with(schema).readValues(reader)) {
            boolean headerChecked = false;
            while (it.hasNextValue()) {
                Map<String, String> r = it.nextValue();
                int line = rows + 2; // the header is line 1
                if (!headerChecked) {
                    List<String> missing = COLUMNS.stream().filter(c -> !r.containsKey(c)).toList();
                    if (!missing.isEmpty()) {
                        throw ApiException.validation("header", "the CSV must have the columns " + COLUMNS + "; missing " + missing);
                    }
                    headerChecked = true;
                }
                rows++;
                String[] v = new String[6];
                boolean ok = true;
                for (int i = 0; i < 6; i++) {
                    v[i] = r.get(COLUMNS.get(i)) == null ? "" : r.get(COLUMNS.get(i)).trim();
                    if (v[i].isEmpty()) {
                        addError(errors, "line " + line + "." + COLUMNS.get(i), "is empty");
                        ok = false;
                    } else if (i % 2 == 0 && !v[i].matches("[0-9]{6}")) {
                        addError(errors, "line " + line + "." + COLUMNS.get(i), "must be 6 digits, was '" + v[i] + "'");
                        ok = false;
                    }
                }
                if (!ok) {
                    continue;
                }
                fileProvinces.add(v[4]);
                filePrefectures.add(v[2]);
                // a prefecture-level city without counties (东莞市, 中山市, 儋州市) is listed as its own county-level unit: it
                // becomes one county-level division directly under the province (a code names one division at a time)
                boolean undivided = v[0].equals(v[2]);
                Planned[] levels = {
                        new Planned(v[4], Division.PROVINCE, DivisionTypes.province(v[5]), v[5], null, line),
                        undivided ? null : new Planned(v[2], Division.PREFECTURE, DivisionTypes.prefecture(v[3]), v[3], v[4], line),
                        new Planned(v[0], Division.COUNTY, undivided ? "UNDIVIDED_PREFECTURE_CITY" : DivisionTypes.county(v[1]), v[1],
                                undivided ? v[4] : v[2], line)};
                if (undivided) {
                    filePrefectures.remove(v[2]);
                }
                for (int k = 0; k < 3; k++) {
                    Planned p = levels[k];
                    if (p == null) {
                        continue;
                    }
                    Division existing = current.get(p.code());
                    if (existing != null) {
                        String why = null;
                        if (!existing.level.equals(p.level())) {
                            why = p.code() + " is a " + existing.level + " in the register, a " + p.level() + " in the file";
                        } else if (!existing.nameZh.equals(p.name())) {
                            why = p.code() + " is called " + existing.nameZh + " in the register, " + p.name() + " in the file";
                        } else if (p.parent() != null && !p.parent().equals(existing.parentCode)) {
                            why = p.code() + " belongs to " + existing.parentCode + " in the register, to " + p.parent() + " in the file";
                        }
                        if (why != null) {
                            addConflict(conflicts, conflictCount, new Conflict(line, p.code(), why));
                        } else if (k == 2) {
                            unchanged[2]++;
                        }
                        continue;
                    }
                    if (retired.containsKey(p.code())) {
                        addConflict(conflicts, conflictCount, new Conflict(line, p.code(), p.code() + " was retired on " + retired.get(p.code())
                                + "; reusing it is a division change, not an import"));
                        continue;
                    }
                    Planned earlier = planned.get(p.code());
                    if (earlier != null) {
                        if (k == 2) {
                            addError(errors, "line " + line + ".code", "county " + p.code() + " already appears on line " + earlier.line());
                        } else if (!earlier.name().equals(p.name()) || !earlier.level().equals(p.level())
                                || (p.parent() != null && !p.parent().equals(earlier.parent()))) {
                            addError(errors, "line " + line + "." + (k == 0 ? "province" : "prefecture") + "_code",
                                    p.code() + " is " + p.name() + " here but " + earlier.name() + " on line " + earlier.line());
                        }
                        continue;
                    }
                    planned.put(p.code(), p);
                }
            }
        } catch (RuntimeJsonMappingException | IOException e) {
            throw ApiException.validation("body", "not readable as CSV after " + rows + " rows: "
                    + e.getMessage().lines().findFirst().orElse("malformed"));
        }
        if (rows == 0 && errors.isEmpty()) {
            throw ApiException.validation("body", "the CSV has no data rows");
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        int[] created = new int[3];
        for (Planned p : planned.values()) {
            created[index(p.level())]++;
        }
        Long lastSequence = null;
        boolean writes = !dryRun && conflicts.isEmpty() && !planned.isEmpty();
        if (writes) {
            lastSequence = write(new ArrayList<>(planned.values()), validFrom, source);
        }
        int provincesUnchanged = (int) fileProvinces.stream().filter(current::containsKey).count();
        int prefecturesUnchanged = (int) filePrefectures.stream().filter(current::containsKey).count();
        Report draft = new Report(dryRun, rows, new Counts(created[0], provincesUnchanged), new Counts(created[1], prefecturesUnchanged),
                new Counts(created[2], unchanged[2]), conflicts, conflictCount[0], validFrom, lastSequence);
        if (!dryRun && !conflicts.isEmpty()) {
            throw ApiException.conflict(conflictCount[0] + " row(s) contradict the register; nothing was imported (see report)")
                    .with("report", draft);
        }
        if (!dryRun && !planned.isEmpty()) {
            audit.record("DivisionImport", "import-" + lastSequence, "IMPORT", null,
                    Map.of("rowsRead", rows, "provincesCreated", created[0], "prefecturesCreated", created[1], "countiesCreated", created[2],
                            "validFrom", validFrom.toString(), "source", source, "lastSequence", lastSequence));
        }
        return draft;
    }

    private long write(List<Planned> planned, LocalDate validFrom, String source) {
        em.flush();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO division (code, level, type, name_zh, name_en, parent_code, "
                    + "valid_from, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (Planned p : planned) {
                    ps.setString(1, p.code());
                    ps.setString(2, p.level());
                    ps.setString(3, p.type());
                    ps.setString(4, p.name());
                    ps.setString(5, PlaceNames.english(p.name()));
                    ps.setString(6, p.parent());
                    ps.setDate(7, Date.valueOf(validFrom));
                    ps.setString(8, source);
                    ps.addBatch();
                    if (++n % 500 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
        });
        List<ChangeFeed.Pending> events = new ArrayList<>();
        for (Planned p : planned) {
            if (Division.PROVINCE.equals(p.level())) {
                continue; // the feed carries counties and prefectures; provinces are read from GET /provinces
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("code", p.code());
            payload.put("name", p.name());
            payload.put("nameEn", PlaceNames.english(p.name()));
            payload.put("level", p.level());
            payload.put("type", p.type());
            payload.put(Division.COUNTY.equals(p.level()) ? "prefectureCode" : "provinceCode", p.parent());
            payload.put("validFrom", validFrom);
            payload.put("validTo", null);
            payload.put("source", source);
            events.add(new ChangeFeed.Pending(Division.COUNTY.equals(p.level()) ? "COUNTY" : "PREFECTURE", p.code(), "CREATED", validFrom, payload));
        }
        return events.isEmpty() ? ((Number) em.createNativeQuery("SELECT last_value FROM change_counter WHERE id = 1").getSingleResult()).longValue()
                : feed.appendAll(events);
    }

    private static int index(String level) {
        return switch (level) {
            case Division.PROVINCE -> 0;
            case Division.PREFECTURE -> 1;
            default -> 2;
        };
    }

    private static void addError(List<Problem.Violation> errors, String field, String message) {
        if (errors.size() < MAX_LISTED) {
            errors.add(new Problem.Violation(field, message));
        }
    }

    private static void addConflict(List<Conflict> conflicts, int[] count, Conflict c) {
        count[0]++;
        if (conflicts.size() < MAX_LISTED) {
            conflicts.add(c);
        }
    }


}
