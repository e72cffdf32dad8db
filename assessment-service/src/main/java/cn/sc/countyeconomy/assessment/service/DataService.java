package cn.sc.countyeconomy.assessment.service;

import cn.sc.countyeconomy.api.audit.AuditTrail;
import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.PageResult;
import cn.sc.countyeconomy.api.paging.SortFields;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.problem.Problem;
import cn.sc.countyeconomy.api.query.Filter;
import cn.sc.countyeconomy.api.request.QueryParams;
import cn.sc.countyeconomy.api.security.CountyScope;
import cn.sc.countyeconomy.assessment.AssessmentScheme;
import cn.sc.countyeconomy.assessment.IndicatorDefinition;
import cn.sc.countyeconomy.assessment.IndicatorValue;
import cn.sc.countyeconomy.assessment.Submission;
import cn.sc.countyeconomy.assessment.api.ImportReport;
import cn.sc.countyeconomy.assessment.api.NewValue;
import cn.sc.countyeconomy.assessment.api.SubmissionView;
import cn.sc.countyeconomy.assessment.api.ValueBatch;
import cn.sc.countyeconomy.assessment.api.ValueView;
import cn.sc.countyeconomy.registry.client.RegistryCounty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Bulk submission of values with validation, the stored values, and the per-county workflow. */
@ApplicationScoped
public class DataService {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(DataService.class);

    public static final int MAX_SCALE = 6;
    /** Values are stored as NUMERIC(24, 6): their magnitude must stay below 10^18. */
    public static final BigDecimal STORABLE_LIMIT = BigDecimal.TEN.pow(18);
    public static final int MAX_VALUES = 20_000;
    /** A CSV batch may hold a national year (2,978 counties x 30 indicators = 89,340 values). */
    public static final int MAX_CSV_VALUES = 100_000;
    public static final SortFields VALUE_SORT = SortFields.of("countyCode", "countyCode", "indicatorCode", "indicatorCode", "value", "value");
    public static final SortFields SUBMISSION_SORT = SortFields.of("countyCode", "countyCode", "year", "year", "status", "status",
            "updatedAt", "updatedAt");

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
    @Inject
    Clock clock;

    /** A JSON batch: at most {@value #MAX_VALUES} values. */
    public ImportReport importBatch(int year, ValueBatch batch, boolean dryRun) {
        if (batch == null || batch.values() == null) {
            throw ApiException.validation("values", "a list of values is required");
        }
        if (batch.values().size() > MAX_VALUES) {
            throw ApiException.validation("values", "at most " + MAX_VALUES + " values per request");
        }
        return importRequest(year, batch.values(), dryRun, new PhaseTimes());
    }

    /** A CSV batch, read as a stream (see {@link ValueCsv}) before any transaction opens. */
    public ImportReport importCsv(int year, InputStream csv, boolean dryRun) {
        PhaseTimes times = new PhaseTimes();
        List<NewValue> values = ValueCsv.read(csv, MAX_CSV_VALUES);
        times.mark("parse");
        return importRequest(year, values, dryRun, times);
    }

    /**
     * A request's batch: the checks that need nothing stored, then the registry's counties, fetched
     * before the transaction opens (the registry client retries for up to about 30 s, and neither the
     * request body nor the registry should hold a database connection meanwhile), then the import in one transaction.
     */
    private ImportReport importRequest(int year, List<NewValue> values, boolean dryRun, PhaseTimes times) {
        checkedCounties(year, values);
        Map<String, RegistryCounty> active = registry.activeCounties(RegistryFacts.dateOf(year));
        times.mark("registry");
        ImportReport report = QuarkusTransaction.joiningExisting().call(() -> importValues(year, values, dryRun, false, active, times));
        times.mark("audit+commit");
        if (values.size() >= 10_000) {
            LOG.infof("import of %d values for %d: %s", values.size(), year, times);
        } else {
            LOG.debugf("import of %d values for %d: %s", values.size(), year, times);
        }
        return report;
    }

    /**
     * Validates every value, then writes them all unless one is rejected (422 with the report) or
     * this is a dry run. A year-on-year change beyond the indicator's threshold is flagged, not rejected.
     */
    @Transactional
    public ImportReport importValues(int year, List<NewValue> values, boolean dryRun, boolean synthetic) {
        checkedCounties(year, values);
        return importValues(year, values, dryRun, synthetic, registry.activeCounties(RegistryFacts.dateOf(year)), new PhaseTimes());
    }

    /** Synthetic values (demo data), checked against the counties read before the caller's transaction opened. */
    ImportReport importValues(int year, List<NewValue> values, Map<String, RegistryCounty> active) {
        return importValues(year, values, false, true, active, new PhaseTimes());
    }

    private ImportReport importValues(int year, List<NewValue> values, boolean dryRun, boolean synthetic, Map<String, RegistryCounty> active,
            PhaseTimes times) {
        Set<String> counties = checkedCounties(year, values);
        ImportBatch batch = load(year, counties, dryRun, synthetic, active);
        times.mark("load");
        for (int i = 0; i < values.size(); i++) {
            batch.check(i, values.get(i));
        }
        batch.warnRequiredMissing();
        times.mark("checks");
        int accepted = values.size() - batch.rejected;
        if (dryRun) {
            return new ImportReport(year, true, values.size(), accepted, batch.rejected, batch.flagged, 0, batch.issues);
        }
        ImportReport report = new ImportReport(year, false, values.size(), accepted, batch.rejected, batch.flagged,
                batch.rejected > 0 ? 0 : accepted, batch.issues);
        if (batch.rejected > 0) {
            List<Problem.Violation> violations = batch.issues.stream().filter(x -> x.severity().equals("REJECTED"))
                    .map(x -> new Problem.Violation("values[" + x.index() + "]", x.rule() + ": " + x.message())).toList();
            throw ApiException.validation(violations).with("report", report);
        }
        int created = write(batch, synthetic);
        times.mark("write");
        audit.record("DataImport", year, "IMPORT", null, Map.of("year", year, "values", accepted, "created", created,
                "updated", accepted - created, "flagged", batch.flagged, "counties", counties, "synthetic", synthetic));
        return report;
    }

    /** The year's range, a non-empty batch, and the caller's right to write each county named; the counties, sorted. */
    private Set<String> checkedCounties(int year, List<NewValue> values) {
        if (year < 2000 || year > 2100) {
            throw ApiException.invalidParameter("year", "must be between 2000 and 2100");
        }
        if (values.isEmpty()) {
            throw ApiException.validation("values", "must contain at least one value");
        }
        Set<String> counties = new TreeSet<>();
        values.forEach(v -> {
            if (v.countyCode() != null)
                counties.add(v.countyCode());
        });
        for (String c : counties) {
            scope.requireWrite(c);
        }
        return counties;
    }

    /**
     * What the checks compare against: the registry's active counties, the catalogue, stored values and
     * workflow states. The workflow states of the batch's counties are read under a row lock (taken in
     * county order, so two imports cannot deadlock), after creating the DRAFT ones that are missing
     * (unless a dry run): a submit, verify or approve of one of these counties waits for this import,
     * and an import waits for them, so values never change in a county that is not DRAFT, and two
     * imports of the same county run one after the other (the second updates what the first created).
     */
    private ImportBatch load(int year, Set<String> counties, boolean dryRun, boolean synthetic, Map<String, RegistryCounty> active) {
        ImportBatch b = new ImportBatch(year, counties, active);
        b.indicators.putAll(framework.definitions(year)); // what the year's values are checked against
        if (!counties.isEmpty()) {
            if (!dryRun) {
                b.createdSubmissions.addAll(createMissingSubmissions(year, counties, synthetic));
            }
            // county and status under a row lock, not thousands of managed entities (a national year has 2,978)
            String[] codes = counties.toArray(new String[0]);
            for (Object row : em.createNativeQuery("SELECT county_code, status FROM submission WHERE year = :y"
                    + " AND county_code = ANY(CAST(:c AS text[])) ORDER BY county_code FOR UPDATE").setParameter("y", year).setParameter("c", codes)
                    .getResultList()) {
                Object[] r = (Object[]) row;
                b.submissions.put((String) r[0], Submission.Status.valueOf((String) r[1]));
            }
            valuesOf(year, codes).forEach(v -> b.existing.put(v[0] + "|" + v[1], ((Number) v[2]).longValue()));
            valuesOf(year - 1, codes).forEach(v -> b.previous.put(v[0] + "|" + v[1], (BigDecimal) v[3]));
        }
        return b;
    }

    /**
     * DRAFT workflow states for the counties that have none, in one statement that a concurrent import
     * cannot make fail; the counties whose state it created.
     */
    @SuppressWarnings("unchecked")
    private List<String> createMissingSubmissions(int year, Set<String> counties, boolean synthetic) {
        return em.createNativeQuery("INSERT INTO submission (county_code, year, status, synthetic, updated_at, version)"
                + " SELECT c, :y, 'DRAFT', :synthetic, :now, 0 FROM unnest(CAST(:counties AS text[])) AS c ORDER BY c"
                + " ON CONFLICT ON CONSTRAINT submission_county_year DO NOTHING RETURNING county_code")
                .setParameter("y", year).setParameter("synthetic", synthetic)
                .setParameter("now", java.time.OffsetDateTime.ofInstant(Instant.now(clock), java.time.ZoneOffset.UTC))
                .setParameter("counties", counties.toArray(new String[0])).getResultList();
    }

    /**
     * The stored values of these counties as county, indicator, id, value: read, not loaded as entities to check at the flush;
     * the counties as one array parameter (a national year names 2,978).
     */
    @SuppressWarnings("unchecked")
    private List<Object[]> valuesOf(int year, String[] counties) {
        return em.createNativeQuery("SELECT county_code, indicator_code, id, value FROM indicator_value WHERE year = :y"
                + " AND county_code = ANY(CAST(:c AS text[]))").setParameter("y", year).setParameter("c", counties).getResultList();
    }

    /**
     * Writes the accepted values: streamed with PostgreSQL's COPY into this session's staging table,
     * then merged into indicator_value in one statement (new values inserted, stored ones updated), in
     * the transaction that holds the workflow states' row locks. New values get ids from the column's
     * sequence in the blocks Hibernate uses (see {@link IndicatorValue#ID_BLOCK}). The number of new values.
     */
    private int write(ImportBatch batch, boolean synthetic) {
        Instant now = Instant.now(clock);
        int fresh = 0;
        for (ImportBatch.Accepted g : batch.good) {
            if (!batch.existing.containsKey(g.input().countyCode() + "|" + g.input().indicatorCode())) {
                fresh++;
            }
        }
        int created = fresh;
        em.unwrap(Session.class).doWork(connection -> ValueCopy.write(connection, batch, created, synthetic, now));
        // the values of these DRAFT counties changed: their workflow states get a new version (ETag), so a submit
        // prepared against what was there before is refused (412) instead of submitting values its sender has not seen
        // (one created by this import is new to everyone: version 0); one statement for all, under the locks taken in load
        String[] changed = batch.counties.stream().filter(c -> !batch.createdSubmissions.contains(c)).toArray(String[]::new);
        if (changed.length > 0) {
            em.createNativeQuery("UPDATE submission SET updated_at = :now, version = version + 1 WHERE year = :y"
                    + " AND county_code = ANY(CAST(:c AS text[]))").setParameter("now", java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
                    .setParameter("y", batch.year).setParameter("c", changed).executeUpdate();
        }
        em.flush();
        return created;
    }

    // ---- stored values

    /** A page of the year's values, filtered by county and indicator. */
    public PageResult<ValueView> values(int year, String county, String indicator, PageParams page) {
        return PageResult.of(valueFilter(year, county, indicator).find(IndicatorValue.class, valueSort(page)), page, ValueView::of);
    }

    /** All of the year's matching values, for a CSV export (read while the answer is written). */
    public Stream<ValueView> valueRows(int year, String county, String indicator, PageParams page) {
        return valueFilter(year, county, indicator).find(IndicatorValue.class, valueSort(page)).stream().map(ValueView::of);
    }

    private static Filter valueFilter(int year, String county, String indicator) {
        return Filter.where().eq("year", year).eq("countyCode", county).eq("indicatorCode", indicator);
    }

    private static Sort valueSort(PageParams page) {
        return VALUE_SORT.panache(page.rawSort()).and("indicatorCode");
    }

    // ---- workflow

    /** A page of workflow states, filtered by year, status and county (all optional). */
    public PageResult<SubmissionView> submissions(String yearText, String statusText, String county, PageParams page) {
        Integer year = QueryParams.year("year", yearText, false, 2000, 2100);
        Submission.Status status = QueryParams.enumValue(Submission.Status.class, "status", statusText);
        Filter f = Filter.where().eq("year", year).eq("status", status).eq("countyCode", county);
        return PageResult.of(f.find(Submission.class, SUBMISSION_SORT.panache(page.rawSort())), page, SubmissionView::of);
    }

    public SubmissionView submission(String county, int year) {
        return SubmissionView.of(get(county, year));
    }

    Submission get(String county, int year) {
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
        s.updatedAt = Instant.now(clock);
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
        List<AssessmentScheme> published = framework.published(year);
        if (!published.isEmpty()) {
            inScheme = new HashSet<>();
            for (var e : framework.definition(published.get(0)).indicators()) {
                inScheme.add(e.code());
            }
        }
        Set<String> present = new HashSet<>(em.createQuery("select v.indicatorCode from IndicatorValue v where v.countyCode = :c and v.year = :y", String.class)
                .setParameter("c", county).setParameter("y", year).getResultList());
        List<String> missing = new ArrayList<>();
        for (IndicatorDefinition i : framework.definitions(year).values()) {
            if (i.required && (inScheme == null || inScheme.contains(i.code)) && !present.contains(i.code)) {
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
