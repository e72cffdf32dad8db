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
import cn.sc.countyeconomy.assessment.AssessmentScheme;
import cn.sc.countyeconomy.assessment.Indicator;
import cn.sc.countyeconomy.assessment.IndicatorArea;
import cn.sc.countyeconomy.assessment.IndicatorDefinition;
import cn.sc.countyeconomy.assessment.api.IndicatorAreaView;
import cn.sc.countyeconomy.assessment.api.IndicatorInput;
import cn.sc.countyeconomy.assessment.api.IndicatorView;
import cn.sc.countyeconomy.assessment.api.SchemeDefinition;
import cn.sc.countyeconomy.assessment.api.SchemeView;
import cn.sc.countyeconomy.assessment.scoring.Model;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The indicator catalogue and the yearly schemes. */
@ApplicationScoped
public class FrameworkService {

    public static final Set<String> CATEGORIES = Set.of("CITY_CORE_DISTRICT", "KEY_DEVELOPMENT", "MAIN_FARM_PRODUCE", "KEY_ECOLOGICAL_FUNCTION");
    static final double WEIGHT_TOLERANCE = 1e-9;
    @Inject
    ObjectMapper json;
    static final SortFields INDICATOR_SORT = SortFields.of("code", "code", "area", "areaCode", "name", "nameZh");
    static final SortFields SCHEME_SORT = SortFields.of("id", "id", "year", "year", "schemeVersion", "schemeVersion", "status", "status");

    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;

    // ---- indicator areas and indicators

    public List<IndicatorAreaView> areas() {
        return IndicatorArea.<IndicatorArea>listAll(Sort.by("ordinal")).stream().map(IndicatorAreaView::of).toList();
    }

    public IndicatorAreaView area(String code) {
        return IndicatorArea.<IndicatorArea>findByIdOptional(code).map(IndicatorAreaView::of)
                .orElseThrow(() -> ApiException.notFound("IndicatorArea", code));
    }

    /** The definitions in force in year {@code :y}: for each indicator, the one with the largest first year up to it. */
    static final String IN_FORCE = "from IndicatorDefinition d where d.fromYear = (select max(e.fromYear) from IndicatorDefinition e"
            + " where e.code = d.code and e.fromYear <= :y)";

    /**
     * A page of the catalogue, filtered by area (optional): the latest definitions, or with a year the definitions in
     * force that year.
     */
    public PageResult<IndicatorView> indicators(String area, String yearText, PageParams page) {
        Integer year = QueryParams.year("year", yearText, false, IndicatorDefinition.FIRST_YEAR, IndicatorDefinition.LAST_YEAR);
        if (year == null) {
            return PageResult.of(Filter.where().eq("areaCode", area).find(Indicator.class, INDICATOR_SORT.panache(page.rawSort())),
                    page, IndicatorView::of);
        }
        Map<String, Long> versions = versions();
        Map<String, Object> params = new HashMap<>();
        params.put("y", year);
        String query = IN_FORCE;
        if (area != null) {
            query += " and d.areaCode = :area";
            params.put("area", area);
        }
        return PageResult.of(IndicatorDefinition.find(query, INDICATOR_SORT.panache(page.rawSort()), params), page,
                (IndicatorDefinition d) -> IndicatorView.of(d, versions.get(d.code)));
    }

    /** An indicator: its latest definition, or with a year the definition in force that year. */
    public IndicatorView indicator(String code, String yearText) {
        Integer year = QueryParams.year("year", yearText, false, IndicatorDefinition.FIRST_YEAR, IndicatorDefinition.LAST_YEAR);
        Indicator e = Indicator.<Indicator>findByIdOptional(code).orElseThrow(() -> ApiException.notFound("Indicator", code));
        if (year == null) {
            return IndicatorView.of(e);
        }
        IndicatorDefinition d = definitionInForce(code, year);
        if (d == null) {
            throw ApiException.notFound("Definition of indicator " + code + " in", year);
        }
        return IndicatorView.of(d, e.version);
    }

    /** The definitions in force in a year, by code (in code order): what the year's values, schemes and scorecards mean. */
    public Map<String, IndicatorDefinition> definitions(int year) {
        Map<String, IndicatorDefinition> byCode = new TreeMap<>();
        IndicatorDefinition.<IndicatorDefinition>find(IN_FORCE, Map.of("y", year)).list().forEach(d -> byCode.put(d.code, d));
        return byCode;
    }

    private static IndicatorDefinition definitionInForce(String code, int year) {
        return IndicatorDefinition.<IndicatorDefinition>find(IN_FORCE + " and d.code = :code", Map.of("y", year, "code", code))
                .firstResult();
    }

    private static Map<String, Long> versions() {
        Map<String, Long> v = new HashMap<>();
        Indicator.getEntityManager().createQuery("select code, version from Indicator", Object[].class).getResultList()
                .forEach(r -> v.put((String) r[0], (Long) r[1]));
        return v;
    }

    /** A new indicator, defined for every year (from {@link IndicatorDefinition#FIRST_YEAR}). */
    @Transactional
    public IndicatorView createIndicator(IndicatorInput in) {
        validateIndicator(in, true);
        if (Indicator.findById(in.code()) != null) {
            throw ApiException.conflict("Indicator '" + in.code() + "' exists already");
        }
        IndicatorView v = IndicatorView.of(add(in));
        audit.record("Indicator", v.code(), "CREATE", null, v);
        return v;
    }

    /** Adds an indicator checked already (also the default framework's, at first start). */
    Indicator add(IndicatorInput in) {
        IndicatorDefinition d = new IndicatorDefinition();
        d.code = in.code();
        d.fromYear = IndicatorDefinition.FIRST_YEAR;
        apply(d, in);
        Indicator e = new Indicator();
        d.copyTo(e);
        e.fromYear = d.fromYear;
        e.persist();
        Indicator.getEntityManager().flush();
        d.persist();
        Indicator.getEntityManager().flush();
        return e;
    }

    /**
     * Changes an indicator's definition from {@code fromYear} on (default: the current year): the definition of that
     * year is replaced, or a new one starts that year; the years before keep theirs, and a definition starting later
     * stays as it is. The indicator's version moves on either way.
     */
    @Transactional
    public IndicatorView updateIndicator(String code, String ifMatch, String fromYearText, IndicatorInput in) {
        Integer given = QueryParams.year("fromYear", fromYearText, false, IndicatorDefinition.FIRST_YEAR, IndicatorDefinition.LAST_YEAR);
        Indicator e = Indicator.<Indicator>findByIdOptional(code).orElseThrow(() -> ApiException.notFound("Indicator", code));
        Preconditions.requireMatch(ifMatch, e.version);
        validateIndicator(in, false);
        int from = given != null ? given : Year.now(clock).getValue();
        IndicatorDefinition inForce = definitionInForce(code, from);
        IndicatorView before = inForce == null ? null : IndicatorView.of(inForce, e.version);
        IndicatorDefinition d = IndicatorDefinition.findById(new IndicatorDefinition.Key(code, from));
        if (d == null) {
            d = new IndicatorDefinition();
            d.code = code;
            d.fromYear = from;
            apply(d, in);
            d.persist();
        } else {
            apply(d, in);
        }
        if (from >= e.fromYear) {
            d.copyTo(e); // the latest definition: the catalogue's row follows (its version moves on if anything changed)
            e.fromYear = d.fromYear;
        } else {
            Indicator.getEntityManager().lock(e, LockModeType.PESSIMISTIC_FORCE_INCREMENT); // an earlier year's: still a change
        }
        Indicator.getEntityManager().flush();
        IndicatorView after = IndicatorView.of(d, e.version);
        audit.record("Indicator", code, "UPDATE", before, after);
        return after;
    }

    private void validateIndicator(IndicatorInput in, boolean create) {
        List<Problem.Violation> v = new ArrayList<>();
        if (create && (in.code() == null || !in.code().matches("[A-Z][A-Z0-9_]{1,63}"))) {
            v.add(new Problem.Violation("code", "must be 2 to 64 capital letters, digits or underscores"));
        }
        if (blank(in.name()))
            v.add(new Problem.Violation("name", "must not be blank"));
        if (blank(in.nameEn()))
            v.add(new Problem.Violation("nameEn", "must not be blank"));
        if (blank(in.unit()))
            v.add(new Problem.Violation("unit", "must not be blank"));
        if (blank(in.source()))
            v.add(new Problem.Violation("source", "must not be blank"));
        if (in.area() == null || IndicatorArea.findById(in.area()) == null) {
            v.add(new Problem.Violation("area", "must be one of the indicator areas (GET /api/v1/indicator-areas)"));
        }
        if (!"HIGHER_IS_BETTER".equals(in.direction()) && !"LOWER_IS_BETTER".equals(in.direction())) {
            v.add(new Problem.Violation("direction", "must be HIGHER_IS_BETTER or LOWER_IS_BETTER"));
        }
        if (in.minValue() != null && in.maxValue() != null && in.minValue().compareTo(in.maxValue()) > 0) {
            v.add(new Problem.Violation("minValue", "must not exceed maxValue"));
        }
        if (!v.isEmpty()) {
            throw ApiException.validation(v);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void apply(IndicatorDefinition e, IndicatorInput in) {
        e.nameZh = in.name();
        e.nameEn = in.nameEn();
        e.unit = in.unit();
        e.areaCode = in.area();
        e.direction = in.direction();
        e.description = in.description();
        e.source = in.source();
        e.minValue = in.minValue();
        e.maxValue = in.maxValue();
        e.required = Boolean.TRUE.equals(in.required());
        e.yoyThresholdPercent = in.yoyThresholdPercent();
        e.integerValued = Boolean.TRUE.equals(in.integerValued());
    }

    // ---- schemes

    /** A page of schemes, filtered by year and status (both optional). */
    public PageResult<SchemeView> schemes(String yearText, String status, PageParams page) {
        Integer year = QueryParams.year("year", yearText, false, 2000, 2100);
        Filter f = Filter.where().eq("year", year).eq("status", status);
        return PageResult.of(f.find(AssessmentScheme.class, SCHEME_SORT.panache(page.rawSort())), page, this::view);
    }

    public SchemeView scheme(long id) {
        return view(find(id));
    }

    /** The published versions of a year's scheme, latest first. */
    public List<AssessmentScheme> published(int year) {
        return Filter.where().eq("year", year).eq("status", AssessmentScheme.PUBLISHED)
                .list(AssessmentScheme.class, Sort.descending("schemeVersion"));
    }

    SchemeView view(AssessmentScheme s) {
        return new SchemeView(s.id, s.year, s.schemeVersion, s.status, definition(s), s.createdAt, s.publishedAt, s.version);
    }

    public SchemeDefinition definition(AssessmentScheme s) {
        try {
            return json.readValue(s.definition, SchemeDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored scheme " + s.id + " cannot be read", e);
        }
    }

    public AssessmentScheme find(long id) {
        return AssessmentScheme.<AssessmentScheme>findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Scheme", id));
    }

    public Optional<AssessmentScheme> find(int year, int schemeVersion) {
        return AssessmentScheme.find("year = ?1 and schemeVersion = ?2", year, schemeVersion).firstResultOptional();
    }

    @Transactional
    public SchemeView createScheme(int year, SchemeDefinition def) {
        if (year < 2000 || year > 2100) {
            throw ApiException.validation("year", "must be between 2000 and 2100");
        }
        SchemeDefinition checked = check(year, def);
        Integer max = AssessmentScheme.getEntityManager()
                .createQuery("select max(s.schemeVersion) from AssessmentScheme s where s.year = :y", Integer.class)
                .setParameter("y", year).getSingleResult();
        AssessmentScheme s = new AssessmentScheme();
        s.year = year;
        s.schemeVersion = max == null ? 1 : max + 1;
        s.status = AssessmentScheme.DRAFT;
        s.definition = write(checked);
        s.createdAt = Instant.now(clock);
        s.persist();
        AssessmentScheme.getEntityManager().flush();
        SchemeView v = view(s);
        audit.record("Scheme", s.id, "CREATE", null, Map.of("year", year, "schemeVersion", s.schemeVersion, "status", s.status));
        return v;
    }

    @Transactional
    public SchemeView updateScheme(long id, String ifMatch, SchemeDefinition def) {
        AssessmentScheme s = find(id);
        Preconditions.requireMatch(ifMatch, s.version);
        requireDraft(s);
        SchemeDefinition checked = check(s.year, def);
        String before = s.definition;
        s.definition = write(checked);
        AssessmentScheme.getEntityManager().flush();
        audit.record("Scheme", id, "UPDATE", Map.of("definition", before), Map.of("definition", s.definition));
        return view(s);
    }

    @Transactional
    public SchemeView publish(long id, String ifMatch) {
        AssessmentScheme s = find(id);
        Preconditions.requireMatch(ifMatch, s.version);
        requireDraft(s);
        check(s.year, definition(s)); // the catalogue may have changed since the draft was saved
        s.status = AssessmentScheme.PUBLISHED;
        s.publishedAt = Instant.now(clock);
        AssessmentScheme.getEntityManager().flush();
        audit.record("Scheme", id, "PUBLISH", Map.of("status", AssessmentScheme.DRAFT), Map.of("status", s.status));
        return view(s);
    }

    private static void requireDraft(AssessmentScheme s) {
        if (!AssessmentScheme.DRAFT.equals(s.status)) {
            throw ApiException.rule("scheme-published", "Scheme " + s.year + " v" + s.schemeVersion
                    + " is published and cannot change; create a new version (POST /api/v1/schemes)");
        }
    }

    /**
     * Validates a definition of a year's scheme against the catalogue of that year and fills in each indicator's
     * direction and area as that year's definitions state them.
     */
    public SchemeDefinition check(int year, SchemeDefinition def) {
        List<Problem.Violation> v = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<SchemeDefinition.IndicatorEntry> filled = checkIndicators(definitions(year), def, seen, v);
        checkWeights(def, seen, v);
        checkRedLines(def, seen, v);
        checkAwards(def, v);
        if (!v.isEmpty()) {
            throw ApiException.validation(v);
        }
        return new SchemeDefinition(def.weightsSource(), def.aggregation(), def.minDataShare(), filled, def.weights(),
                def.redLines() == null ? List.of() : def.redLines(), def.awards() == null ? List.of() : def.awards(), def.parameters(),
                def.missingRedLineValueOrDefault());
    }

    /** Each indicator known, listed once, with what its normalisation needs; filled in from the catalogue. */
    private static List<SchemeDefinition.IndicatorEntry> checkIndicators(Map<String, IndicatorDefinition> catalogue, SchemeDefinition def,
            Set<String> seen, List<Problem.Violation> v) {
        List<SchemeDefinition.IndicatorEntry> filled = new ArrayList<>();
        for (int i = 0; i < def.indicators().size(); i++) {
            SchemeDefinition.IndicatorEntry e = def.indicators().get(i);
            String at = "indicators[" + i + "]";
            IndicatorDefinition ind = catalogue.get(e.code());
            if (ind == null) {
                v.add(new Problem.Violation(at + ".code", "unknown indicator '" + e.code() + "'"));
                continue;
            }
            if (!seen.add(e.code())) {
                v.add(new Problem.Violation(at + ".code", "indicator '" + e.code() + "' is listed twice"));
            }
            if (e.normalisation() == Model.Normalisation.GOALPOSTS && (e.lowerGoalpost() == null || e.upperGoalpost() == null
                    || e.lowerGoalpost() >= e.upperGoalpost())) {
                v.add(new Problem.Violation(at + ".lowerGoalpost", "GOALPOSTS needs lowerGoalpost < upperGoalpost"));
            }
            if (e.normalisation() == Model.Normalisation.DISTANCE_TO_TARGET && e.target() == null) {
                v.add(new Problem.Violation(at + ".target", "DISTANCE_TO_TARGET needs a target"));
            }
            filled.add(new SchemeDefinition.IndicatorEntry(e.code(), Model.Direction.valueOf(ind.direction), ind.areaCode,
                    e.normalisation(), e.imputation(), e.treatOutliers(), e.target(), e.lowerGoalpost(), e.upperGoalpost()));
        }
        return filled;
    }

    /** Known categories, weights of the scheme's indicators, 0 or more, summing to 1 per category. */
    private static void checkWeights(SchemeDefinition def, Set<String> seen, List<Problem.Violation> v) {
        for (Map.Entry<String, Map<String, Double>> c : def.weights().entrySet()) {
            String at = "weights." + c.getKey();
            if (!CATEGORIES.contains(c.getKey())) {
                v.add(new Problem.Violation(at, "unknown category; categories: " + new TreeSet<>(CATEGORIES)));
                continue;
            }
            double sum = 0;
            for (Map.Entry<String, Double> w : c.getValue().entrySet()) {
                if (!seen.contains(w.getKey())) {
                    v.add(new Problem.Violation(at + "." + w.getKey(), "not an indicator of this scheme"));
                }
                if (w.getValue() == null || w.getValue() < 0 || w.getValue().isNaN()) {
                    v.add(new Problem.Violation(at + "." + w.getKey(), "weight must be 0 or more"));
                } else {
                    sum += w.getValue();
                }
            }
            if (Math.abs(sum - 1) > WEIGHT_TOLERANCE) {
                v.add(new Problem.Violation(at, "weights of category " + c.getKey() + " sum to " + sum + ", not 1 (± 1e-9)"));
            }
        }
    }

    private static void checkRedLines(SchemeDefinition def, Set<String> seen, List<Problem.Violation> v) {
        if (def.redLines() == null) {
            return;
        }
        for (int i = 0; i < def.redLines().size(); i++) {
            Model.RedLineRule r = def.redLines().get(i);
            if (r.indicator() == null || !seen.contains(r.indicator())) {
                v.add(new Problem.Violation("redLines[" + i + "].indicator", "not an indicator of this scheme"));
            }
            if (r.operator() == null || r.consequence() == null || r.code() == null) {
                v.add(new Problem.Violation("redLines[" + i + "]", "code, operator and consequence are required"));
            } else if (r.consequence() == Model.RedLineConsequence.CAP && r.cap() == null) {
                v.add(new Problem.Violation("redLines[" + i + "].cap", "a CAP rule needs its cap"));
            }
        }
    }

    private static void checkAwards(SchemeDefinition def, List<Problem.Violation> v) {
        if (def.awards() == null) {
            return;
        }
        for (int i = 0; i < def.awards().size(); i++) {
            Model.AwardRule a = def.awards().get(i);
            if (a.award() == null || a.type() == null || a.n() < 1) {
                v.add(new Problem.Violation("awards[" + i + "]", "award, type and n >= 1 are required"));
            }
        }
    }

    String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
