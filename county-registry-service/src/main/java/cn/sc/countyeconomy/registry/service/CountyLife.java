package cn.sc.countyeconomy.registry.service;

import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.registry.Division;

import java.time.LocalDate;
import java.util.List;

/**
 * The days on which a code is a county-level division (the union of its versions), and the rule
 * every write of a category assignment or designation obeys: nothing is recorded for a county
 * outside its life.
 */
final class CountyLife {

    private final String code;
    private final List<Division> versions;

    private CountyLife(String code, List<Division> versions) {
        this.code = code;
        this.versions = versions;
    }

    /** The life of a county code; 422 unknown-county when the code never was a county-level division. */
    static CountyLife of(String code) {
        List<Division> versions = Division.versions(code).stream().filter(d -> Division.COUNTY.equals(d.level)).toList();
        if (versions.isEmpty()) {
            throw ApiException.rule("unknown-county", "countyCode: no county-level division " + code + " exists").with("countyCode", code);
        }
        return new CountyLife(code, versions);
    }

    /** Whether the code is a county on every day of [from, to) (to null: open-ended). */
    boolean covers(LocalDate from, LocalDate to) {
        LocalDate cursor = from;
        for (Division v : versions) {
            if (!v.validFrom.isAfter(cursor) && (v.validTo == null || v.validTo.isAfter(cursor))) {
                if (v.validTo == null) {
                    return true;
                }
                cursor = v.validTo;
                if (to != null && !cursor.isBefore(to)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the code is a county on some day of a year. */
    boolean livesIn(int year) {
        LocalDate start = LocalDate.of(year, 1, 1);
        LocalDate end = start.plusYears(1);
        return versions.stream().anyMatch(v -> v.validFrom.isBefore(end) && (v.validTo == null || v.validTo.isAfter(start)));
    }

    /** 422 outside-county-life unless the code is a county on every day of [from, to). */
    void requireCovers(LocalDate from, LocalDate to) {
        if (!covers(from, to)) {
            throw ApiException.rule("outside-county-life", "county " + code + " is a county-level division " + describe() + "; the period from "
                    + from + (to == null ? " on (open-ended)" : " to " + to) + " is not inside it").with("countyCode", code);
        }
    }

    /** 422 outside-county-life unless the code is a county on some day of the year. */
    void requireLivesIn(int year) {
        if (!livesIn(year)) {
            throw ApiException.rule("outside-county-life", "county " + code + " is a county-level division " + describe() + "; it did not exist in "
                    + year).with("countyCode", code);
        }
    }

    private String describe() {
        return String.join(" and ", versions.stream().map(v -> "from " + v.validFrom + (v.validTo == null ? "" : " to " + v.validTo)).distinct()
                .toList());
    }
}
