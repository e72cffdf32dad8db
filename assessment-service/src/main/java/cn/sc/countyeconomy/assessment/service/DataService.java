package cn.sc.countyeconomy.assessment.service;

import cn.sc.countyeconomy.api.audit.AuditTrail;
import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.problem.Problem;
import cn.sc.countyeconomy.api.security.CountyScope;
import cn.sc.countyeconomy.assessment.Indicator;
import cn.sc.countyeconomy.assessment.IndicatorValue;
import cn.sc.countyeconomy.assessment.Submission;
import cn.sc.countyeconomy.assessment.mapping.Views.SubmissionView;
import cn.sc.countyeconomy.registry.client.RegistryCounty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.*;

/** Bulk submission of values with validation, and the per-county workflow. */
@ApplicationScoped
public class DataService {

    public static final int MAX_SCALE = 6;

    @Inject
    EntityManager em;
    @Inject
    AuditTrail audit;
    @Inject
    CountyScope scope;
    @Inject
    RegistryFacts registry;
    @Inject
    FrameworkService framework;

    @Schema(name = "ValueInput", description = "One value to submit. value is a decimal number (at most 6 decimals); unit, when given, must be the indicator's unit.")
    public record ValueInput(String countyCode, String indicatorCode, String value, String unit, String source) {
    }

    @Schema(name = "ValueIssue")
    public record Issue(int index, String countyCode, String indicatorCode,
                        @Schema(description = "REJECTED (the batch is refused), FLAGGED (stored, marked for review) or WARNING") String severity,
                        @Schema(description = "unknown-indicator, unknown-county, type, unit, range, duplicate, locked, yoy-change, required-missing") String rule,
                        String message) {
    }

    @Schema(name = "ImportReport", description = "The validation report of a bulk submission.")
    public record ImportReport(int year, boolean dryRun, int received, int accepted, int rejected, int flagged,
                               int written, List<Issue> issues) {
    }

    @Transactional
    public ImportReport importValues(int year, List<ValueInput> values, boolean dryRun, boolean synthetic) {
        if (year < 2000 || year > 2100) {
            throw ApiException.invalidParameter("year", "must be between 2000 and 2100");
        }
        if (values.isEmpty()) {
            throw ApiException.validation("values", "must contain at least one value");
        }
        Set<String> counties = new TreeSet<>();
        values.forEach(v -> { if (v.countyCode() != null) counties.add(v.countyCode()); });
        for (String c : counties) {
            scope.requireWrite(c);
        }
        Map<String, RegistryCounty> active = registry.activeCounties(RegistryFacts.dateOf(year));
        Map<String, Indicator> indicators = new HashMap<>();
        Indicator.<Indicator>listAll().forEach(i -> indicators.put(i.code, i));
        Map<String, IndicatorValue> existing = new HashMap<>();
        Map<String, BigDecimal> previous = new HashMap<>();
        if (!counties.isEmpty()) {
            em.createQuery("from IndicatorValue where year = :y and countyCode in :c", IndicatorValue.class)
                    .setParameter("y", year).setParameter("c", counties).getResultList()
                    .forEach(v -> existing.put(v.countyCode + "|" + v.indicatorCode, v));
            em.createQuery("from IndicatorValue where year = :y and countyCode in :c", IndicatorValue.class)
                    .setParameter("y", year - 1).setParameter("c", counties).getResultList()
                    .forEach(v -> previous.put(v.countyCode + "|" + v.indicatorCode, v.value));
        }
        Map<String, Submission> submissions = new HashMap<>();
        if (!counties.isEmpty()) {
            em.createQuery("from Submission where year = :y and countyCode in :c", Submission.class)
                    .setParameter("y", year).setParameter("c", counties).getResultList()
                    .forEach(s -> submissions.put(s.countyCode, s));
        }
        List<Issue> issues = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Object[]> good = new ArrayList<>();
        int rejected = 0;
        int flagged = 0;
        for (int i = 0; i < values.size(); i++) {
            ValueInput v = values.get(i);
            String c = v.countyCode();
            String code = v.indicatorCode();
            String key = c + "|" + code;
            Indicator ind = code == null ? null : indicators.get(code);
            String problem = null;
            String rule = null;
            BigDecimal value = null;
            if (c == null || !active.containsKey(c)) {
                rule = "unknown-county";
                problem = "county '" + c + "' is not a county-level division active on " + RegistryFacts.dateOf(year) + " according to county-registry-service";
            } else if (ind == null) {
                rule = "unknown-indicator";
                problem = "unknown indicator '" + code + "'";
            } else if (!seen.add(key)) {
                rule = "duplicate";
                problem = "a second value for county " + c + " and indicator " + code + " in the same request";
            } else if (submissions.containsKey(c) && submissions.get(c).status != Submission.Status.DRAFT) {
                rule = "locked";
                problem = "the data of county " + c + " for " + year + " is " + submissions.get(c).status + "; an approver must reopen it first";
            } else if (v.unit() != null && !v.unit().isBlank() && !v.unit().equals(ind.unit)) {
                rule = "unit";
                problem = "unit '" + v.unit() + "' is not the indicator's unit '" + ind.unit + "'";
            } else {
                try {
                    value = new BigDecimal(v.value() == null ? "" : v.value().trim());
                    if (value.scale() > MAX_SCALE) {
                        value = value.setScale(MAX_SCALE, RoundingMode.UNNECESSARY);
                    }
                } catch (NumberFormatException | ArithmeticException e) {
                    rule = "type";
                    problem = "value '" + v.value() + "' is not a decimal number with at most " + MAX_SCALE + " decimals";
                    value = null;
                }
                if (value != null && ((ind.minValue != null && value.compareTo(ind.minValue) < 0)
                        || (ind.maxValue != null && value.compareTo(ind.maxValue) > 0))) {
                    rule = "range";
                    problem = "value " + value.toPlainString() + " is outside the indicator's range ["
                            + plain(ind.minValue) + ", " + plain(ind.maxValue) + "] " + ind.unit;
                }
            }
            if (problem != null) {
                rejected++;
                issues.add(new Issue(i, c, code, "REJECTED", rule, problem));
                continue;
            }
            String flag = null;
            BigDecimal prev = previous.get(key);
            if (ind.yoyThresholdPercent != null && prev != null && prev.signum() != 0) {
                BigDecimal change = value.subtract(prev).abs().multiply(BigDecimal.valueOf(100)).divide(prev.abs(), 4, RoundingMode.HALF_EVEN);
                if (change.compareTo(ind.yoyThresholdPercent) > 0) {
                    flag = "yoy-change: " + change.toPlainString() + "% against " + (year - 1) + " (" + prev.toPlainString()
                            + "), more than " + ind.yoyThresholdPercent.toPlainString() + "%";
                    flagged++;
                    issues.add(new Issue(i, c, code, "FLAGGED", "yoy-change", flag));
                }
            }
            good.add(new Object[]{v, ind, value, flag});
        }
        // required indicators still missing for a county in the batch: a warning now, a refusal at submit
        for (String c : counties) {
            if (!active.containsKey(c)) continue;
            for (Indicator ind : indicators.values().stream().sorted(Comparator.comparing(x -> x.code)).toList()) {
                String key = c + "|" + ind.code;
                if (ind.required && !seen.contains(key) && !existing.containsKey(key)) {
                    issues.add(new Issue(-1, c, ind.code, "WARNING", "required-missing",
                            "required indicator " + ind.code + " has no value yet; the county cannot submit without it"));
                }
            }
        }
        int accepted = values.size() - rejected;
        if (dryRun) {
            return new ImportReport(year, true, values.size(), accepted, rejected, flagged, 0, issues);
        }
        ImportReport report = new ImportReport(year, false, values.size(), accepted, rejected, flagged, rejected > 0 ? 0 : accepted, issues);
        if (rejected > 0) {
            List<Problem.Violation> violations = issues.stream().filter(x -> x.severity().equals("REJECTED"))
                    .map(x -> new Problem.Violation("values[" + x.index() + "]", x.rule() + ": " + x.message())).toList();
            throw ApiException.validation(violations).with("report", report);
        }
        Instant now = Instant.now();
        int created = 0;
        for (Object[] g : good) {
            ValueInput v = (ValueInput) g[0];
            IndicatorValue e = existing.get(v.countyCode() + "|" + v.indicatorCode());
            if (e == null) {
                e = new IndicatorValue();
                e.countyCode = v.countyCode();
                e.year = year;
                e.indicatorCode = v.indicatorCode();
                created++;
            }
            e.value = (BigDecimal) g[2];
            e.flag = (String) g[3];
            e.synthetic = synthetic;
            e.source = v.source();
            e.updatedAt = now;
            if (e.id == null) {
                em.persist(e);
            }
        }
        for (String c : counties) {
            if (!submissions.containsKey(c)) {
                Submission s = new Submission();
                s.countyCode = c;
                s.year = year;
                s.status = Submission.Status.DRAFT;
                s.synthetic = synthetic;
                s.updatedAt = now;
                em.persist(s);
            }
        }
        em.flush();
        audit.record("DataImport", year, "IMPORT", null, Map.of("year", year, "values", accepted, "created", created,
                "updated", accepted - created, "flagged", flagged, "counties", counties, "synthetic", synthetic));
        return report;
    }

    private static String plain(BigDecimal b) {
        return b == null ? "-" : b.stripTrailingZeros().toPlainString();
    }

    // ---- workflow

    public Submission get(String county, int year) {
        return Submission.find(county, year).orElseThrow(() -> ApiException.notFound("Submission", county + "/" + year));
    }

    @Transactional
    public SubmissionView transition(String county, int year, String action, String ifMatch, String reason) {
        Submission s = get(county, year);
        Preconditions.requireMatch(ifMatch, s.version);
        Submission.Status from = s.status;
        Submission.Status to;
        switch (action) {
            case "submit" -> {
                scope.requireWrite(county);
                requireFrom(s, action, Submission.Status.DRAFT);
                List<String> missing = missingRequired(county, year);
                if (!missing.isEmpty()) {
                    throw ApiException.rule("required-indicators-missing", "County " + county + " cannot submit " + year
                            + ": required indicators without a value: " + String.join(", ", missing)).with("missing", missing);
                }
                to = Submission.Status.SUBMITTED;
            }
            case "verify" -> {
                requireFrom(s, action, Submission.Status.SUBMITTED);
                to = Submission.Status.VERIFIED;
            }
            case "approve" -> {
                requireFrom(s, action, Submission.Status.VERIFIED);
                to = Submission.Status.APPROVED;
            }
            case "reopen" -> {
                if (reason == null || reason.isBlank()) {
                    throw ApiException.validation("reason", "reopening needs a reason");
                }
                if (s.status == Submission.Status.DRAFT) {
                    throw ApiException.conflict("The data of " + county + " for " + year + " is already DRAFT");
                }
                to = Submission.Status.DRAFT;
            }
            default -> throw ApiException.notFound("Action", action);
        }
        SubmissionView before = SubmissionView.of(s);
        s.status = to;
        s.reason = reason;
        s.updatedAt = Instant.now();
        em.flush();
        SubmissionView after = SubmissionView.of(s);
        audit.record("Submission", county + "/" + year, action.toUpperCase(Locale.ROOT), before, after, reason);
        return after;
    }

    /**
     * Required indicators without a value: those the catalogue marks required and, when the year has
     * a published scheme, that its latest published version uses.
     */
    List<String> missingRequired(String county, int year) {
        Set<String> inScheme = null;
        List<cn.sc.countyeconomy.assessment.AssessmentScheme> published = cn.sc.countyeconomy.assessment.AssessmentScheme
                .list("year = ?1 and status = ?2 order by schemeVersion desc", year, cn.sc.countyeconomy.assessment.AssessmentScheme.PUBLISHED);
        if (!published.isEmpty()) {
            inScheme = new HashSet<>();
            for (var e : framework.definition(published.get(0)).indicators()) {
                inScheme.add(e.code());
            }
        }
        Set<String> present = new HashSet<>(em.createQuery("select v.indicatorCode from IndicatorValue v where v.countyCode = :c and v.year = :y", String.class)
                .setParameter("c", county).setParameter("y", year).getResultList());
        List<String> missing = new ArrayList<>();
        for (Indicator i : Indicator.<Indicator>list("required = true order by code")) {
            if ((inScheme == null || inScheme.contains(i.code)) && !present.contains(i.code)) {
                missing.add(i.code);
            }
        }
        return missing;
    }

    private static void requireFrom(Submission s, String action, Submission.Status expected) {
        if (s.status != expected) {
            throw ApiException.conflict("Cannot " + action + " the data of " + s.countyCode + " for " + s.year
                    + ": it is " + s.status + ", and " + action + " needs " + expected);
        }
    }
}
