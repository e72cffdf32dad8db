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
import cn.sc.countyeconomy.assessment.Indicator;
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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

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

    static final SortFields SORT = SortFields.of("id", "id", "year", "year", "createdAt", "createdAt");

    @Transactional
    public RunView create(int year, int schemeVersion) {
        AssessmentScheme scheme = publishedScheme(year, schemeVersion);
        // the registry first: when it is down nothing below runs and nothing is written
        RunInputs in = inputs(scheme, registry.categories(year));
        Model.Result result;
        try {
            result = ScoringEngine.score(framework.definition(scheme).toModel(), in.counties(), in.previous());
        } catch (ScoringEngine.ScoringException e) {
            throw ApiException.rule("scoring-refused", e.getMessage());
        }
        ScoringRun run = storeRun(scheme, in, result);
        storeResults(run, result, in.names());
        RunView v = view(run);
        audit.record("ScoringRun", run.id, "CREATE", null, Map.of("year", year, "schemeVersion", schemeVersion,
                "inputHash", run.inputHash, "countyCount", run.countyCount));
        return v;
    }

    /** What a run scores, and the canonical text of it whose SHA-256 is the run's input hash. */
    private record RunInputs(List<Model.CountyInput> counties, Map<String, String> names, Map<String, Model.PreviousRank> previous,
            String canonical) {
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
    private RunInputs inputs(AssessmentScheme scheme, List<RegistryCategoryAssignment> categories) {
        int year = scheme.year;
        Map<String, String> categoryOf = new TreeMap<>();
        Map<String, String> names = new HashMap<>();
        for (RegistryCategoryAssignment a : categories) {
            categoryOf.put(a.countyCode(), a.categoryCode());
            names.put(a.countyCode(), a.countyName());
        }
        Map<String, Map<String, Double>> values = new TreeMap<>();
        categoryOf.keySet().forEach(c -> values.put(c, new HashMap<>()));
        StringBuilder canonical = new StringBuilder();
        canonical.append("scheme ").append(scheme.id).append(' ').append(scheme.year).append(" v").append(scheme.schemeVersion)
                .append('\n').append(scheme.definition).append('\n');
        categoryOf.forEach((c, cat) -> canonical.append("category ").append(c).append(' ').append(cat).append('\n'));
        for (Object[] r : approvedValues(year)) {
            String county = (String) r[0];
            BigDecimal v = (BigDecimal) r[2];
            values.computeIfAbsent(county, k -> new HashMap<>()).put((String) r[1], v.doubleValue());
            canonical.append("value ").append(county).append(' ').append(r[1]).append(' ').append(v.stripTrailingZeros().toPlainString()).append('\n');
        }
        Map<String, Model.PreviousRank> previous = officialRanks(year - 1);
        new TreeMap<>(previous).forEach((c, r) -> canonical.append("previous ").append(c).append(' ').append(r.rank()).append(' ')
                .append(r.category()).append('\n'));
        List<Model.CountyInput> inputs = new ArrayList<>();
        values.forEach((c, v) -> inputs.add(new Model.CountyInput(c, categoryOf.get(c), v)));
        return new RunInputs(inputs, names, previous, canonical.toString());
    }

    /** County, indicator and value of the year's APPROVED data, by county and indicator. */
    private List<Object[]> approvedValues(int year) {
        Filter f = Filter.where().eq("v.year", year).eq("s.status", Submission.Status.APPROVED);
        var q = em.createQuery("select v.countyCode, v.indicatorCode, v.value from IndicatorValue v join Submission s"
                + " on s.countyCode = v.countyCode and s.year = v.year where " + f.query()
                + " order by v.countyCode, v.indicatorCode", Object[].class);
        f.params().forEach(q::setParameter);
        return q.getResultList();
    }

    private ScoringRun storeRun(AssessmentScheme scheme, RunInputs in, Model.Result result) {
        ScoringRun run = new ScoringRun();
        run.year = scheme.year;
        run.schemeId = scheme.id;
        run.schemeVersion = scheme.schemeVersion;
        run.inputHash = sha256(in.canonical());
        run.scoringCodeVersion = ScoringEngine.CODE_VERSION;
        run.countyCount = in.counties().size();
        run.treatments = write(result.treatments());
        run.createdAt = Instant.now(clock);
        run.createdBy = caller.subject();
        run.persist();
        em.flush();
        return run;
    }

    private void storeResults(ScoringRun run, Model.Result result, Map<String, String> names) {
        for (Model.CountyResult c : result.counties()) {
            RunResult r = new RunResult();
            r.runId = run.id;
            r.countyCode = c.countyCode();
            r.countyName = names.get(c.countyCode());
            r.category = c.category();
            r.status = c.status().name();
            r.overall = c.overall() == null ? null : BigDecimal.valueOf(c.overall()).setScale(ScoringEngine.SCALE, RoundingMode.HALF_EVEN);
            r.rank = c.rank();
            r.previousRank = c.previousRank();
            r.rankChange = c.rankChange();
            r.award = c.award();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("dataShare", c.dataShare());
            detail.put("areaScores", rounded(c.areaScores()));
            detail.put("indicators", c.indicators().stream().map(RunService::rounded).toList());
            detail.put("redLines", c.redLines());
            if (c.rankChangeReason() != null) {
                // only when there is one: the shared mapper refuses a null value in a map it reads back
                detail.put("rankChangeReason", c.rankChangeReason());
            }
            r.detail = write(detail);
            em.persist(r);
        }
        em.flush();
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
        return PageResult.of(Filter.where().eq("year", year).find(ScoringRun.class, SORT.panache(page.rawSort())), page, this::view);
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
        return PageResult.ofList(results(id, category).stream().map(this::result).toList(), page);
    }

    public ScoringRun find(long id) {
        return ScoringRun.<ScoringRun>findByIdOptional(id).orElseThrow(() -> ApiException.notFound("ScoringRun", id));
    }

    RunView view(ScoringRun r) {
        OfficialRun o = OfficialRun.findById(r.year);
        return new RunView(r.id, r.year, r.schemeId, r.schemeVersion, r.inputHash, r.countyCount,
                o != null && o.runId == r.id, r.createdAt, r.createdBy, read(r.treatments, Object.class), r.scoringCodeVersion);
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
        Sort sort = Sort.by("category").and("rank", Sort.NullPrecedence.NULLS_LAST).and("countyCode");
        return Filter.where().eq("runId", runId).eq("category", category).list(RunResult.class, sort);
    }

    public OfficialRun official(int year) {
        return OfficialRun.<OfficialRun>findByIdOptional(year).orElseThrow(() -> ApiException.notFound("Official run of year", year));
    }

    /** Default order of a ranking: category, rank (unranked last), county; these fields may be sorted on instead. */
    static final SortFields RANKING_SORT = SortFields.of(
            "category", "category", "rank", "rank", "overall", "overall", "countyCode", "countyCode", "rankChange", "rankChange");

    /** The rows of the year's official run, in the default order unless {@code sort} names another. */
    public List<RankingRow> ranking(int year, String category, List<String> sort) {
        List<RankingRow> rows = ranking(year, category);
        return sort.isEmpty() ? rows : rows.stream().sorted(RANKING_SORT.comparator(sort, RunService::property)).toList();
    }

    private static Comparable<?> property(RankingRow r, String p) {
        return switch (p) {
            case "category" -> r.category();
            case "rank" -> r.rank();
            case "overall" -> r.overall();
            case "rankChange" -> r.rankChange();
            default -> r.countyCode();
        };
    }

    List<RankingRow> ranking(int year, String category) {
        if (category != null && !FrameworkService.CATEGORIES.contains(category)) {
            throw ApiException.invalidParameter("category", "must be one of " + new TreeSet<>(FrameworkService.CATEGORIES));
        }
        OfficialRun o = official(year);
        return results(o.runId, category).stream().map(r -> new RankingRow(r.category, r.rank, r.countyCode, r.countyName,
                r.overall, r.status, r.rankChange, r.award, o.runId)).toList();
    }

    @SuppressWarnings("unchecked")
    public Scorecard scorecard(String county, int year) {
        OfficialRun o = official(year);
        RunResult mine = RunResult.<RunResult>find("runId = ?1 and countyCode = ?2", o.runId, county).firstResultOptional()
                .orElseThrow(() -> ApiException.notFound("Result of county " + county + " in the official run of", year));
        Map<String, Object> detail = read(mine.detail, new TypeReference<Map<String, Object>>() {
        });
        List<RunResult> peers = mine.category == null ? List.of() : results(o.runId, mine.category);
        Map<String, List<Double>> normalisedByIndicator = new HashMap<>();
        Map<String, List<Double>> areaByName = new TreeMap<>();
        for (RunResult p : peers) {
            Map<String, Object> d = read(p.detail, new TypeReference<Map<String, Object>>() {
            });
            for (Map<String, Object> ind : (List<Map<String, Object>>) d.get("indicators")) {
                if (ind.get("normalised") != null) {
                    normalisedByIndicator.computeIfAbsent((String) ind.get("indicator"), k -> new ArrayList<>())
                            .add(((Number) ind.get("normalised")).doubleValue());
                }
            }
            ((Map<String, Object>) d.get("areaScores"))
                    .forEach((a, v) -> areaByName.computeIfAbsent(a, k -> new ArrayList<>()).add(((Number) v).doubleValue()));
        }
        Map<String, Double> areaMedians = new LinkedHashMap<>();
        areaByName.forEach((a, l) -> areaMedians.put(a, ScoringEngine.round(Statistics.median(l.stream().mapToDouble(Double::doubleValue).toArray()))));
        Map<String, String> names = new HashMap<>();
        Indicator.<Indicator>listAll().forEach(i -> names.put(i.code, i.nameZh));
        List<IndicatorComparison> comparisons = new ArrayList<>();
        for (Map<String, Object> ind : (List<Map<String, Object>>) detail.get("indicators")) {
            String code = (String) ind.get("indicator");
            if (ind.get("normalised") == null || !normalisedByIndicator.containsKey(code))
                continue;
            double y = ((Number) ind.get("normalised")).doubleValue();
            double med = Statistics.median(normalisedByIndicator.get(code).stream().mapToDouble(Double::doubleValue).toArray());
            comparisons.add(new IndicatorComparison(code, names.get(code), ind.get("raw") == null ? null : ((Number) ind.get("raw")).doubleValue(),
                    y, ScoringEngine.round(med), ScoringEngine.round(y - med)));
        }
        comparisons.sort(Comparator.comparing(IndicatorComparison::difference).reversed().thenComparing(IndicatorComparison::indicator));
        List<IndicatorComparison> strongest = comparisons.stream().limit(3).toList();
        List<IndicatorComparison> weakest = new ArrayList<>(comparisons.subList(Math.max(0, comparisons.size() - 3), comparisons.size()));
        Collections.reverse(weakest);
        List<Map<String, Object>> redLines = (List<Map<String, Object>>) detail.get("redLines");
        String status = redLineStatus(redLines);
        int ranked = (int) peers.stream().filter(p -> p.rank != null).count();
        return new Scorecard(county, mine.countyName, year, o.runId, mine.category, mine.status, mine.overall, mine.rank,
                ranked, mine.previousRank, mine.rankChange, (String) detail.get("rankChangeReason"), mine.award, detail.get("areaScores"),
                areaMedians, strongest,
                weakest, redLines, status, context.effectiveness(county, year), context.pilots(county));
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

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
