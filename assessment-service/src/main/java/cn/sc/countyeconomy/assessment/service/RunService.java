package cn.sc.countyeconomy.assessment.service;

import cn.sc.countyeconomy.api.audit.AuditTrail;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.PageResult;
import cn.sc.countyeconomy.api.paging.SortFields;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.query.Filter;
import cn.sc.countyeconomy.api.request.QueryParams;
import cn.sc.countyeconomy.api.security.Caller;
import cn.sc.countyeconomy.assessment.AssessmentScheme;
import cn.sc.countyeconomy.assessment.OfficialRun;
import cn.sc.countyeconomy.assessment.RunResult;
import cn.sc.countyeconomy.assessment.ScoringRun;
import cn.sc.countyeconomy.assessment.Submission;
import cn.sc.countyeconomy.assessment.api.IndicatorComparison;
import cn.sc.countyeconomy.assessment.api.RankingRow;
import cn.sc.countyeconomy.assessment.api.ResultView;
import cn.sc.countyeconomy.assessment.api.RunView;
import cn.sc.countyeconomy.assessment.api.Scorecard;
import cn.sc.countyeconomy.assessment.scoring.Model;
import cn.sc.countyeconomy.assessment.scoring.ScoringEngine;
import cn.sc.countyeconomy.assessment.scoring.Statistics;
import cn.sc.countyeconomy.registry.client.RegistryCategoryAssignment;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Scoring runs: computed from approved data and the registry's categories, stored once, read many times. */
@ApplicationScoped
public class RunService {

    @Inject
    EntityManager em;
    @Inject
    FrameworkService framework;
    @Inject
    RegistryFacts registry;
    @Inject
    AuditTrail audit;
    @Inject
    Caller caller;
    @Inject
    ObjectMapper json;
    @Inject
    cn.sc.countyeconomy.assessment.client.CountyContext context;
    @Inject
    Clock clock;

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(RunService.class);
    static final SortFields SORT = SortFields.of("id", "id", "year", "year", "createdAt", "createdAt");

    /**
     * What a run needs from outside this database, fetched before any transaction (the registry client
     * retries for up to about 30 s, and a transaction would hold its database connection all that time).
     */
    public record Outside(int year, int schemeVersion, List<RegistryCategoryAssignment> categories) {
    }

    /**
     * The checks of a run that need no registry (the scheme version exists and is published), then the
     * registry's categories of the year; no transaction is open while the registry answers. When the
     * registry is down this throws (503) and nothing is written.
     */
    public Outside prepare(int year, int schemeVersion) {
        publishedScheme(year, schemeVersion);
        return new Outside(year, schemeVersion, registry.categories(year));
    }

    /** Computes and stores a run from what {@link #prepare} fetched, in one transaction. */
    @Transactional
    public RunView create(Outside outside) {
        int year = outside.year();
        int schemeVersion = outside.schemeVersion();
        PhaseTimes times = new PhaseTimes();
        AssessmentScheme scheme = publishedScheme(year, schemeVersion);
        RunInputs in = inputs(scheme, outside.categories(), times);
        Model.Result result;
        try {
            result = ScoringEngine.score(framework.definition(scheme).toModel(), in.counties(), in.previous());
        } catch (ScoringEngine.ScoringException e) {
            throw ApiException.rule("scoring-refused", e.getMessage());
        }
        times.mark("score");
        ScoringRun run = storeRun(scheme, in, result);
        times.mark("run");
        storeResults(run, result, in.names());
        times.mark("results");
        RunView v = view(run);
        audit.record("ScoringRun", run.id, "CREATE", null, Map.of("year", year, "schemeVersion", schemeVersion,
                "inputHash", run.inputHash, "countyCount", run.countyCount));
        times.mark("audit");
        // the commit follows, outside (the transaction is the request's)
        if (run.countyCount >= 1000) {
            LOG.infof("run of %d counties for %d: %s", run.countyCount, year, times);
        } else {
            LOG.debugf("run of %d counties for %d: %s", run.countyCount, year, times);
        }
        return v;
    }

    /** What a run scores, and the SHA-256 of its canonical text (the run's input hash). */
    private record RunInputs(List<Model.CountyInput> counties, Map<String, String> names, Map<String, Model.PreviousRank> previous,
            String inputHash) {
    }

    private AssessmentScheme publishedScheme(int year, int schemeVersion) {
        AssessmentScheme scheme = framework.find(year, schemeVersion).orElseThrow(() -> ApiException.validation("schemeVersion",
                "there is no scheme version " + schemeVersion + " for " + year));
        if (!AssessmentScheme.PUBLISHED.equals(scheme.status)) {
            throw ApiException.rule("scheme-not-published", "Scheme " + year + " v" + schemeVersion
                    + " is a draft; only a published (immutable) scheme can be used for a run");
        }
        return scheme;
    }

    /** The registry's categories, the approved values of the year and last year's official ranks, in a fixed order. */
    private RunInputs inputs(AssessmentScheme scheme, List<RegistryCategoryAssignment> categories, PhaseTimes times) {
        int year = scheme.year;
        Map<String, String> categoryOf = new TreeMap<>();
        Map<String, String> names = new HashMap<>();
        for (RegistryCategoryAssignment a : categories) {
            categoryOf.put(a.countyCode(), a.categoryCode());
            names.put(a.countyCode(), a.countyName());
        }
        Map<String, Map<String, Double>> values = new TreeMap<>();
        categoryOf.keySet().forEach(c -> values.put(c, new HashMap<>()));
        CanonicalText canonical = new CanonicalText();
        canonical.text.append("scheme ").append(scheme.id).append(' ').append(scheme.year).append(" v").append(scheme.schemeVersion)
                .append('\n').append(scheme.definition);
        canonical.endLine();
        categoryOf.forEach((c, cat) -> {
            canonical.text.append("category ").append(c).append(' ').append(cat);
            canonical.endLine();
        });
        approvedValues(year, (county, indicator, v) -> {
            // the driver's text of the NUMERIC: its double as BigDecimal.doubleValue gives it (both correctly rounded), and
            // in the canonical text as BigDecimal.stripTrailingZeros().toPlainString() writes it
            values.computeIfAbsent(county, k -> new HashMap<>()).put(indicator, Double.parseDouble(v));
            canonical.text.append("value ").append(county).append(' ').append(indicator).append(' ');
            appendPlain(canonical.text, v);
            canonical.endLine();
        });
        times.mark("values");
        Map<String, Model.PreviousRank> previous = officialRanks(year - 1);
        new TreeMap<>(previous).forEach((c, r) -> {
            canonical.text.append("previous ").append(c).append(' ').append(r.rank()).append(' ').append(r.category());
            canonical.endLine();
        });
        List<Model.CountyInput> inputs = new ArrayList<>();
        values.forEach((c, v) -> inputs.add(new Model.CountyInput(c, categoryOf.get(c), v)));
        times.mark("inputs");
        return new RunInputs(inputs, names, previous, canonical.sha256());
    }

    /** What {@link #approvedValues} hands on, row by row: the value as PostgreSQL writes a NUMERIC. */
    private interface ValueRow {

        void accept(String county, String indicator, String value);
    }

    /**
     * A NUMERIC's text (PostgreSQL's: plain digits, no exponent, no negative zero) without trailing zeros after the
     * point, nor the point when nothing follows it: what {@code new BigDecimal(text).stripTrailingZeros().toPlainString()}
     * gives ("100.000000" is "100", "0.000000" is "0", "12.340000" is "12.34").
     */
    static void appendPlain(StringBuilder out, String numeric) {
        int end = numeric.length();
        if (numeric.indexOf('.') >= 0) {
            while (numeric.charAt(end - 1) == '0') {
                end--;
            }
            if (numeric.charAt(end - 1) == '.') {
                end--;
            }
        }
        out.append(numeric, 0, end);
    }

    /**
     * County, indicator and value of the year's APPROVED data, by county and indicator: read row by row from the
     * driver (a national year has about 80,000; no entity or row array is made of them).
     */
    private void approvedValues(int year, ValueRow row) {
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement st = connection.prepareStatement("SELECT v.county_code, v.indicator_code, v.value"
                    + " FROM indicator_value v JOIN submission s ON s.county_code = v.county_code AND s.year = v.year"
                    + " WHERE v.year = ? AND s.status = ? ORDER BY v.county_code, v.indicator_code")) {
                st.setInt(1, year);
                st.setString(2, Submission.Status.APPROVED.name());
                st.setFetchSize(10_000);
                try (java.sql.ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        row.accept(rs.getString(1), rs.getString(2), rs.getString(3));
                    }
                }
            }
        });
    }

    /**
     * The canonical text of a run's inputs, hashed (SHA-256 of its UTF-8) as it is written, a block of whole lines at a
     * time: the same hash as of the whole text, which a national year (about 80,000 lines) never holds.
     */
    private static final class CanonicalText {

        final StringBuilder text = new StringBuilder(1 << 16);
        private final MessageDigest digest;

        CanonicalText() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Ends the line written into {@link #text}. */
        void endLine() {
            text.append('\n');
            if (text.length() >= 1 << 15) {
                flush();
            }
        }

        private void flush() {
            digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
            text.setLength(0);
        }

        String sha256() {
            flush();
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    private ScoringRun storeRun(AssessmentScheme scheme, RunInputs in, Model.Result result) {
        ScoringRun run = new ScoringRun();
        run.year = scheme.year;
        run.schemeId = scheme.id;
        run.schemeVersion = scheme.schemeVersion;
        run.inputHash = in.inputHash();
        run.scoringCodeVersion = ScoringEngine.CODE_VERSION;
        run.countyCount = in.counties().size();
        run.treatments = write(result.treatments());
        run.createdAt = Instant.now(clock);
        run.createdBy = caller.subject();
        run.persist();
        em.flush();
        return run;
    }

    /** The results written per JDBC batch. */
    static final int RESULT_BATCH = 250;

    /**
     * The run's results in JDBC batches of multi-row inserts (a national run has 2,978: one INSERT per entity with an
     * identity key would cost seconds), on the run's own connection and transaction; their details (about 6 KB of JSON
     * each, 18 MB for a national run) serialised a batch at a time, so they are never all held at once. (Serialising
     * them on another thread while the batches before are written did not measurably help on this loaded 2-core
     * machine, and a shared pool busy with a sensitivity job would have held the run up.)
     */
    private void storeResults(ScoringRun run, Model.Result result, Map<String, String> names) {
        List<Model.CountyResult> counties = result.counties();
        em.flush();
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement st = connection.prepareStatement("INSERT INTO run_result (run_id, county_code, county_name,"
                    + " category, status, overall, rank, previous_rank, rank_change, award, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))")) {
                for (int from = 0; from < counties.size(); from += RESULT_BATCH) {
                    List<Model.CountyResult> part = counties.subList(from, Math.min(counties.size(), from + RESULT_BATCH));
                    List<String> json = part.stream().map(c -> write(detail(c))).toList();
                    for (int i = 0; i < json.size(); i++) {
                        Model.CountyResult c = part.get(i);
                        st.setLong(1, run.id);
                        st.setString(2, c.countyCode());
                        st.setString(3, names.get(c.countyCode()));
                        st.setString(4, c.category());
                        st.setString(5, c.status().name());
                        st.setBigDecimal(6, c.overall() == null
                                ? null
                                : BigDecimal.valueOf(c.overall()).setScale(ScoringEngine.SCALE, RoundingMode.HALF_EVEN));
                        st.setObject(7, c.rank(), java.sql.Types.INTEGER);
                        st.setObject(8, c.previousRank(), java.sql.Types.INTEGER);
                        st.setObject(9, c.rankChange(), java.sql.Types.INTEGER);
                        st.setString(10, c.award());
                        st.setString(11, json.get(i));
                        st.addBatch();
                    }
                    st.executeBatch();
                }
            }
        });
    }

    private static Map<String, Object> detail(Model.CountyResult c) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("dataShare", c.dataShare());
        detail.put("areaScores", rounded(c.areaScores()));
        detail.put("indicators", c.indicators().stream().map(RunService::rounded).toList());
        detail.put("redLines", c.redLines());
        if (c.rankChangeReason() != null) {
            // only when there is one: the shared mapper refuses a null value in a map it reads back
            detail.put("rankChangeReason", c.rankChangeReason());
        }
        return detail;
    }

    /** Scores are stored and shown with {@value ScoringEngine#SCALE} decimals; ranks were taken on the exact ones. */
    private static Map<String, Double> rounded(Map<String, Double> scores) {
        Map<String, Double> m = new LinkedHashMap<>();
        scores.forEach((k, v) -> m.put(k, ScoringEngine.roundOrNull(v)));
        return m;
    }

    private static Model.IndicatorResult rounded(Model.IndicatorResult i) {
        return new Model.IndicatorResult(i.indicator(), i.area(), i.raw(), i.imputed(), ScoringEngine.roundOrNull(i.treated()),
                ScoringEngine.roundOrNull(i.normalised()), i.treatment());
    }

    /** The ranks of the year's official run, each with the category it was taken in (a rank change compares within one). */
    public Map<String, Model.PreviousRank> officialRanks(int year) {
        OfficialRun o = OfficialRun.findById(year);
        Map<String, Model.PreviousRank> m = new HashMap<>();
        if (o != null) {
            em.createQuery("select r.countyCode, r.rank, r.category from RunResult r where r.runId = :id and r.rank is not null", Object[].class)
                    .setParameter("id", o.runId).getResultList()
                    .forEach(x -> m.put((String) x[0], new Model.PreviousRank((Integer) x[1], (String) x[2])));
        }
        return m;
    }

    /** A page of runs, filtered by year (optional). */
    public PageResult<RunView> list(String yearText, PageParams page) {
        Integer year = QueryParams.year("year", yearText, false, 2000, 2100);
        var query = Filter.where().eq("year", year).<ScoringRun>find(ScoringRun.class, SORT.panache(page.rawSort()));
        List<ScoringRun> rows = query.page(page.page(), page.size()).list();
        // the official runs of the page's years in one query, not one per row
        Set<Long> official = rows.isEmpty()
                ? Set.of()
                : new HashSet<>(em.createQuery("select o.runId from OfficialRun o where o.year in :y", Long.class)
                        .setParameter("y", rows.stream().map(r -> r.year).collect(Collectors.toSet())).getResultList());
        return PageResult.of(rows.stream().map(r -> view(r, official.contains(r.id))).toList(), page, query.count());
    }

    public RunView run(long id) {
        return view(find(id));
    }

    /** A page of a run's results, in their fixed order (category, rank, county); filtered by category. */
    public PageResult<ResultView> results(long id, String category, PageParams page) {
        find(id);
        if (!page.rawSort().isEmpty()) {
            throw ApiException.invalidParameter("sort",
                    "results have a fixed order (category, rank, county); use GET /api/v1/rankings to sort");
        }
        // the page is read in SQL: only its rows' details are parsed
        return PageResult.of(Filter.where().eq("runId", id).eq("category", category).find(RunResult.class, RESULT_ORDER), page, this::result);
    }

    /** The fixed order of a run's results: category, rank (unranked last), county. */
    private static final Sort RESULT_ORDER = Sort.by("category").and("rank", Sort.NullPrecedence.NULLS_LAST).and("countyCode");

    public ScoringRun find(long id) {
        return ScoringRun.<ScoringRun>findByIdOptional(id).orElseThrow(() -> ApiException.notFound("ScoringRun", id));
    }

    RunView view(ScoringRun r) {
        OfficialRun o = OfficialRun.findById(r.year);
        return view(r, o != null && o.runId == r.id);
    }

    private RunView view(ScoringRun r, boolean official) {
        return new RunView(r.id, r.year, r.schemeId, r.schemeVersion, r.inputHash, r.countyCount,
                official, r.createdAt, r.createdBy, read(r.treatments, Object.class), r.scoringCodeVersion);
    }

    @Transactional
    public RunView markOfficial(long id) {
        ScoringRun run = find(id);
        OfficialRun o = OfficialRun.findById(run.year);
        Long before = o == null ? null : o.runId;
        if (o == null) {
            o = new OfficialRun();
            o.year = run.year;
            o.runId = id;
            o.markedAt = Instant.now(clock);
            o.markedBy = caller.subject();
            o.persist();
        } else if (o.runId != id) {
            o.runId = id;
            o.markedAt = Instant.now(clock);
            o.markedBy = caller.subject();
        } else {
            return view(run);
        }
        em.flush();
        Map<String, Object> b = new HashMap<>();
        b.put("officialRunId", before);
        audit.record("OfficialRun", run.year, "MARK_OFFICIAL", b, Map.of("officialRunId", id));
        return view(run);
    }

    ResultView result(RunResult r) {
        return new ResultView(r.countyCode, r.countyName, r.category, r.status, r.overall, r.rank, r.previousRank,
                r.rankChange, r.award, read(r.detail, new TypeReference<Map<String, Object>>() {
                }));
    }

    List<RunResult> results(long runId, String category) {
        return Filter.where().eq("runId", runId).eq("category", category).list(RunResult.class, RESULT_ORDER);
    }

    public OfficialRun official(int year) {
        return OfficialRun.<OfficialRun>findByIdOptional(year).orElseThrow(() -> ApiException.notFound("Official run of year", year));
    }

    /** Default order of a ranking: category, rank (unranked last), county; these fields may be sorted on instead. */
    static final SortFields RANKING_SORT = SortFields.of(
            "category", "category", "rank", "rank", "overall", "overall", "countyCode", "countyCode", "rankChange", "rankChange");

    /**
     * A page of the year's official ranking, sorted, filtered and paged in SQL (the default order, or
     * {@code sort} with the default order after it); no detail is read.
     */
    public PageResult<RankingRow> ranking(int year, String category, PageParams page) {
        RankingQuery q = rankingQuery(year, category, page.rawSort());
        List<RankingRow> rows = q.rows().setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return PageResult.of(rows, page, q.count().getSingleResult());
    }

    /** All rows of the year's official ranking (for CSV), in the same order as the pages. */
    public List<RankingRow> ranking(int year, String category, List<String> sort) {
        return rankingQuery(year, category, sort).rows().getResultList();
    }

    private record RankingQuery(jakarta.persistence.TypedQuery<RankingRow> rows, jakarta.persistence.TypedQuery<Long> count) {
    }

    private RankingQuery rankingQuery(int year, String category, List<String> sort) {
        if (category != null && !FrameworkService.CATEGORIES.contains(category)) {
            throw ApiException.invalidParameter("category", "must be one of " + new TreeSet<>(FrameworkService.CATEGORIES));
        }
        // checked before the official run is looked up: a bad sort is 400 whatever the year
        String order = sort.isEmpty() ? "" : RANKING_SORT.jpql(sort) + ", ";
        OfficialRun o = official(year);
        Filter f = Filter.where().eq("runId", o.runId).eq("category", category);
        var rows = em.createQuery("select new " + RankingRow.class.getName() + "(category, rank, countyCode, countyName, overall, status,"
                + " rankChange, award, runId) from RunResult where " + f.query() + " order by " + order
                + "category asc nulls last, rank asc nulls last, countyCode asc", RankingRow.class);
        var count = em.createQuery("select count(*) from RunResult where " + f.query(), Long.class);
        f.params().forEach((k, v) -> {
            rows.setParameter(k, v);
            count.setParameter(k, v);
        });
        return new RankingQuery(rows, count);
    }

    @SuppressWarnings("unchecked")
    public Scorecard scorecard(String county, int year) {
        OfficialRun o = official(year);
        RunResult mine = RunResult.<RunResult>find("runId = ?1 and countyCode = ?2", o.runId, county).firstResultOptional()
                .orElseThrow(() -> ApiException.notFound("Result of county " + county + " in the official run of", year));
        Map<String, Object> detail = read(mine.detail, new TypeReference<Map<String, Object>>() {
        });
        // the category's values, gathered per indicator and per area by the database (not every peer's detail read here)
        Map<String, double[]> normalisedByIndicator = mine.category == null
                ? Map.of()
                : valuesByKey("SELECT i->>'indicator',"
                        + " array_agg(CAST(i->>'normalised' AS float8)) FROM run_result r CROSS JOIN LATERAL jsonb_array_elements(r.detail->'indicators') i"
                        + " WHERE r.run_id = :run AND r.category = :category AND jsonb_typeof(i->'normalised') = 'number' GROUP BY 1", o.runId, mine.category);
        Map<String, double[]> areaByName = mine.category == null
                ? Map.of()
                : valuesByKey("SELECT a.key, array_agg(CAST(CAST(a.value AS text) AS float8))"
                        + " FROM run_result r CROSS JOIN LATERAL jsonb_each(r.detail->'areaScores') a"
                        + " WHERE r.run_id = :run AND r.category = :category AND jsonb_typeof(a.value) = 'number' GROUP BY 1", o.runId, mine.category);
        int ranked = mine.category == null
                ? 0
                : ((Number) em.createQuery("select count(*) from RunResult where runId = :run and category = :category"
                        + " and rank is not null").setParameter("run", o.runId).setParameter("category", mine.category).getSingleResult()).intValue();
        Map<String, Double> areaMedians = new LinkedHashMap<>();
        new TreeMap<>(areaByName).forEach((a, l) -> areaMedians.put(a, ScoringEngine.round(Statistics.median(l))));
        List<Map<String, Object>> indicators = (List<Map<String, Object>>) detail.get("indicators");
        Map<String, String> names = new HashMap<>();
        List<String> codes = indicators.stream().map(ind -> (String) ind.get("indicator")).toList();
        if (!codes.isEmpty()) {
            framework.definitions(year).forEach((code, d) -> names.put(code, d.nameZh)); // the names of the year's definitions
        }
        List<IndicatorComparison> comparisons = new ArrayList<>();
        for (Map<String, Object> ind : indicators) {
            String code = (String) ind.get("indicator");
            if (ind.get("normalised") == null || !normalisedByIndicator.containsKey(code))
                continue;
            double y = ((Number) ind.get("normalised")).doubleValue();
            double med = Statistics.median(normalisedByIndicator.get(code));
            comparisons.add(new IndicatorComparison(code, names.get(code), ind.get("raw") == null ? null : ((Number) ind.get("raw")).doubleValue(),
                    y, ScoringEngine.round(med), ScoringEngine.round(y - med)));
        }
        comparisons.sort(Comparator.comparing(IndicatorComparison::difference).reversed().thenComparing(IndicatorComparison::indicator));
        List<IndicatorComparison> strongest = comparisons.stream().limit(3).toList();
        List<IndicatorComparison> weakest = new ArrayList<>(comparisons.subList(Math.max(0, comparisons.size() - 3), comparisons.size()));
        Collections.reverse(weakest);
        List<Map<String, Object>> redLines = (List<Map<String, Object>>) detail.get("redLines");
        String status = redLineStatus(redLines);
        return new Scorecard(county, mine.countyName, year, o.runId, mine.category, mine.status, mine.overall, mine.rank,
                ranked, mine.previousRank, mine.rankChange, (String) detail.get("rankChangeReason"), mine.award, detail.get("areaScores"),
                areaMedians, strongest,
                weakest, redLines, status, context.effectiveness(county, year), context.pilots(county));
    }

    /** Key and array of numbers per row of a native query over one run's category. */
    private Map<String, double[]> valuesByKey(String sql, long runId, String category) {
        Map<String, double[]> m = new HashMap<>();
        for (Object row : em.createNativeQuery(sql).setParameter("run", runId).setParameter("category", category).getResultList()) {
            Object[] r = (Object[]) row;
            Object arr = r[1];
            double[] values;
            if (arr instanceof java.sql.Array a) {
                try {
                    arr = a.getArray();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
            if (arr instanceof double[] d) {
                values = d;
            } else {
                Object[] boxed = (Object[]) arr;
                values = new double[boxed.length];
                for (int i = 0; i < boxed.length; i++)
                    values[i] = ((Number) boxed[i]).doubleValue();
            }
            m.put((String) r[0], values);
        }
        return m;
    }

    /** The most severe of a county's red-line findings: DISQUALIFIED, CAPPED, REVIEW, INCOMPLETE, else CLEAR. */
    static String redLineStatus(List<Map<String, Object>> findings) {
        List<String> order = List.of("DISQUALIFIED", "CAPPED", "REVIEW", "INCOMPLETE", "CLEAR");
        String status = "CLEAR";
        for (Map<String, Object> f : findings) {
            String s = switch (String.valueOf(f.get("outcome"))) {
                case ScoringEngine.FAILED -> "DISQUALIFY".equals(f.get("consequence")) ? "DISQUALIFIED" : "CAPPED";
                case ScoringEngine.REVIEW -> "REVIEW";
                case ScoringEngine.NOT_EVALUATED -> "INCOMPLETE";
                default -> "CLEAR";
            };
            if (order.indexOf(s) < order.indexOf(status)) {
                status = s;
            }
        }
        return status;
    }

    String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    <T> T read(String s, Class<T> type) {
        try {
            return json.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    <T> T read(String s, TypeReference<T> type) {
        try {
            return json.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
