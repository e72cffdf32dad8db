package cn.sc.countyeconomy.assessment.service;

import cn.sc.countyeconomy.assessment.IndicatorDefinition;
import cn.sc.countyeconomy.assessment.Submission;
import cn.sc.countyeconomy.assessment.api.NewValue;
import cn.sc.countyeconomy.assessment.api.ValueIssue;
import cn.sc.countyeconomy.registry.client.RegistryCounty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One bulk submission being checked: what it is checked against (loaded by {@link DataService}),
 * and what the checks found, value by value, in the order of the request.
 */
final class ImportBatch {

    /** A value that passed every check: the input, its decimal value, and its year-on-year flag (or null). */
    record Accepted(NewValue input, BigDecimal value, String flag) {
    }

    final int year;
    final Set<String> counties;
    final Map<String, RegistryCounty> active;
    /** The definitions in force in the batch's year. */
    final Map<String, IndicatorDefinition> indicators = new HashMap<>();
    /** The ids of the values stored for this year, by county|indicator. */
    final Map<String, Long> existing = new HashMap<>();
    final Map<String, BigDecimal> previous = new HashMap<>();
    /** The workflow state of each county of the batch that has one (read under a row lock). */
    final Map<String, Submission.Status> submissions = new HashMap<>();
    /** The counties whose workflow state this import created (DRAFT, version 0). */
    final Set<String> createdSubmissions = new HashSet<>();

    final List<ValueIssue> issues = new ArrayList<>();
    final List<Accepted> good = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    int rejected;
    int flagged;

    ImportBatch(int year, Set<String> counties, Map<String, RegistryCounty> active) {
        this.year = year;
        this.counties = counties;
        this.active = active;
    }

    /** Checks the value at {@code index}: rejected with the first rule it breaks, else accepted (and maybe flagged). */
    void check(int index, NewValue v) {
        String c = v.countyCode();
        String code = v.indicatorCode();
        IndicatorDefinition ind = code == null ? null : indicators.get(code);
        ValueIssue rejection = rejection(index, v, ind);
        BigDecimal value = null;
        if (rejection == null) {
            value = decimal(v.value());
            rejection = value == null
                    ? reject(index, v, "type", "value '" + v.value() + "' is not a decimal number with at most "
                            + DataService.MAX_SCALE + " decimals")
                    : outOfRange(index, v, ind, value);
        }
        if (rejection != null) {
            rejected++;
            issues.add(rejection);
            return;
        }
        good.add(new Accepted(v, value, yoyFlag(index, c, code, ind, value)));
    }

    /** The rules checked before the value is read: county, indicator, duplicate, lock, unit. */
    private ValueIssue rejection(int index, NewValue v, IndicatorDefinition ind) {
        String c = v.countyCode();
        String code = v.indicatorCode();
        if (c == null || !active.containsKey(c)) {
            return reject(index, v, "unknown-county", "county '" + c + "' is not a county-level division active on "
                    + RegistryFacts.dateOf(year) + " according to county-registry-service");
        }
        if (ind == null) {
            return reject(index, v, "unknown-indicator", "unknown indicator '" + code + "'");
        }
        if (!seen.add(c + "|" + code)) {
            return reject(index, v, "duplicate", String.format("a second value for county %s and indicator %s in the same request", c, code));
        }
        if (submissions.containsKey(c) && submissions.get(c) != Submission.Status.DRAFT) {
            return reject(index, v, "locked", "the data of county " + c + " for " + year + " is " + submissions.get(c)
                    + "; an approver must reopen it first");
        }
        if (v.unit() != null && !v.unit().isBlank() && !v.unit().equals(ind.unit)) {
            return reject(index, v, "unit", "unit '" + v.unit() + "' is not the indicator's unit '" + ind.unit + "'");
        }
        return null;
    }

    /** The value as a decimal with at most {@link DataService#MAX_SCALE} decimals, or null when it is not one. */
    private static BigDecimal decimal(String text) {
        try {
            BigDecimal value = new BigDecimal(text == null ? "" : text.trim());
            return value.scale() > DataService.MAX_SCALE ? value.setScale(DataService.MAX_SCALE, RoundingMode.UNNECESSARY) : value;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private ValueIssue outOfRange(int index, NewValue v, IndicatorDefinition ind, BigDecimal value) {
        if (ind.integerValued && value.stripTrailingZeros().scale() > 0) {
            return reject(index, v, "integer", "value " + value.toPlainString() + " is not a whole number; " + ind.code + " is a count ("
                    + ind.unit + ")");
        }
        if (value.abs().compareTo(DataService.STORABLE_LIMIT) >= 0) {
            return reject(index, v, "range", "value " + value.toPlainString() + " has more than 18 digits before the decimal point;"
                    + " values are stored as NUMERIC(24, 6), so |value| must be below 10^18");
        }
        if ((ind.minValue != null && value.compareTo(ind.minValue) < 0) || (ind.maxValue != null && value.compareTo(ind.maxValue) > 0)) {
            return reject(index, v, "range", "value " + value.toPlainString() + " is outside the indicator's range ["
                    + plain(ind.minValue) + ", " + plain(ind.maxValue) + "] " + ind.unit);
        }
        return null;
    }

    /** The flag of a change against last year beyond the indicator's threshold (recorded as an issue), or null. */
    private String yoyFlag(int index, String c, String code, IndicatorDefinition ind, BigDecimal value) {
        BigDecimal prev = previous.get(c + "|" + code);
        if (ind.yoyThresholdPercent == null || prev == null || prev.signum() == 0) {
            return null;
        }
        BigDecimal change = value.subtract(prev).abs().multiply(BigDecimal.valueOf(100)).divide(prev.abs(), 4, RoundingMode.HALF_EVEN);
        if (change.compareTo(ind.yoyThresholdPercent) <= 0) {
            return null;
        }
        String flag = "yoy-change: " + change.toPlainString() + "% against " + (year - 1) + " (" + prev.toPlainString()
                + "), more than " + ind.yoyThresholdPercent.toPlainString() + "%";
        flagged++;
        issues.add(new ValueIssue(index, c, code, "FLAGGED", "yoy-change", flag));
        return flag;
    }

    /** Required indicators still missing for a county in the batch: a warning now, a refusal at submit. */
    void warnRequiredMissing() {
        for (String c : counties) {
            if (!active.containsKey(c))
                continue;
            for (IndicatorDefinition ind : indicators.values().stream().sorted(Comparator.comparing(x -> x.code)).toList()) {
                String key = c + "|" + ind.code;
                if (ind.required && !seen.contains(key) && !existing.containsKey(key)) {
                    issues.add(new ValueIssue(-1, c, ind.code, "WARNING", "required-missing",
                            "required indicator " + ind.code + " has no value yet; the county cannot submit without it"));
                }
            }
        }
    }

    private static ValueIssue reject(int index, NewValue v, String rule, String message) {
        return new ValueIssue(index, v.countyCode(), v.indicatorCode(), "REJECTED", rule, message);
    }

    private static String plain(BigDecimal b) {
        return b == null ? "-" : b.stripTrailingZeros().toPlainString();
    }
}
