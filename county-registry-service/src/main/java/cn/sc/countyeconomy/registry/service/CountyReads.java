package cn.sc.countyeconomy.registry.service;

import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.registry.AssessmentCategory;
import cn.sc.countyeconomy.registry.CategoryAssignment;
import cn.sc.countyeconomy.registry.Designation;
import cn.sc.countyeconomy.registry.Division;
import cn.sc.countyeconomy.registry.DivisionChange;
import cn.sc.countyeconomy.registry.DivisionLineage;
import cn.sc.countyeconomy.registry.Region;
import cn.sc.countyeconomy.registry.mapping.PlaceNames;
import cn.sc.countyeconomy.registry.mapping.Views.CategoryRef;
import cn.sc.countyeconomy.registry.mapping.Views.ChangeSummary;
import cn.sc.countyeconomy.registry.mapping.Views.CodeName;
import cn.sc.countyeconomy.registry.mapping.Views.CountyView;
import cn.sc.countyeconomy.registry.mapping.Views.DesignationView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads counties as they were on a date: one county (any status) or the list of those valid on
 * the date, with prefecture, region, lineage, category and designations assembled from a handful
 * of queries.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CountyReads {

    /** Filters of the county list; null means "no filter". */
    public record Filter(String prefecture, String region, String province, String type, String category, Integer year,
                         String designation, String name) {
        public static Filter none() {
            return new Filter(null, null, null, null, null, null, null, null);
        }
    }

    /**
     * Views already assembled, each tagged with the change-feed sequence read before it was built.
     * Every write that changes what a view shows appends to the feed (and so moves the sequence),
     * so an entry is served only while its tag is the current sequence: one primary-key read per
     * request instead of seven queries, never a stale answer, and correct with any number of
     * replicas, since the sequence lives in the database.
     */
    private record Cached(long sequence, CountyView view) {
    }

    private record Key(String code, LocalDate asOf) {
    }

    static final int CACHE_LIMIT = 20_000;
    private final java.util.concurrent.ConcurrentHashMap<Key, Cached> views = new java.util.concurrent.ConcurrentHashMap<>();

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;

    public CountyView one(String code, LocalDate asOf) {
        long sequence = ((Number) em.createNativeQuery("SELECT last_value FROM change_counter WHERE id = 1")
                .getSingleResult()).longValue();
        Key key = new Key(code, asOf);
        Cached hit = views.get(key);
        if (hit != null && hit.sequence() == sequence) {
            return hit.view();
        }
        CountyView view = assemble(code, asOf);
        if (views.size() >= CACHE_LIMIT) {
            views.clear();
        }
        views.put(key, new Cached(sequence, view));
        return view;
    }

    private CountyView assemble(String code, LocalDate asOf) {
        List<Division> versions = Division.versions(code).stream().filter(d -> Division.COUNTY.equals(d.level)).toList();
        if (versions.isEmpty()) {
            throw ApiException.notFound("County", code);
        }
        Division shown = null;
        String status = null;
        for (Division v : versions) {
            if (v.validOn(asOf)) {
                shown = v;
                status = "ACTIVE";
            }
        }
        if (shown == null) {
            Optional<Division> lastBefore = versions.stream().filter(v -> v.validTo != null && !v.validTo.isAfter(asOf))
                    .max(Comparator.comparing(v -> v.validFrom));
            if (lastBefore.isPresent()) {
                shown = lastBefore.get();
                status = "RETIRED";
            } else {
                shown = versions.get(0);
                status = "NOT_YET_VALID";
            }
        }
        LocalDate seenOn = switch (status) {
            case "ACTIVE" -> asOf;
            case "RETIRED" -> shown.validTo.minusDays(1);
            default -> shown.validFrom;
        };
        Division prefecture = shown.parentCode == null ? null : versionOn(shown.parentCode, seenOn);
        Region region = prefecture == null || prefecture.regionCode == null ? null : Region.findById(prefecture.regionCode);
        List<DivisionLineage> preds = DivisionLineage.list("successorCode = ?1 order by effectiveDate, predecessorCode", code);
        List<DivisionLineage> succs = DivisionLineage.list("predecessorCode = ?1 and effectiveDate <= ?2 order by effectiveDate, successorCode", code, asOf);
        ChangeSummary retiredBy = null;
        if ("RETIRED".equals(status)) {
            LocalDate end = shown.validTo;
            retiredBy = DivisionChange.<DivisionChange>list("effectiveDate = ?1 order by id", end).stream()
                    .filter(c -> c.from().contains(code)).findFirst().map(ChangeSummary::of).orElse(null);
        }
        List<Designation> designations = Designation.list(
                "countyCode = ?1 and validFrom <= ?2 and (validTo is null or validTo > ?2) order by typeCode", code, asOf);
        CategoryRef category = CategoryAssignment.<CategoryAssignment>find(
                        "countyCode = ?1 and endedOn is null and year <= ?2 order by year desc", code, asOf.getYear())
                .firstResultOptional().map(a -> new CategoryRef(a.year, a.categoryCode, categoryName(a.categoryCode))).orElse(null);
        Names names = new Names(lineageCodes(preds, succs));
        String countyName = shown.nameZh;
        return new CountyView(shown.code, shown.nameZh, shown.nameEn, shown.level, shown.type, shown.parentCode,
                prefecture == null ? null : prefecture.nameZh, region == null ? null : region.code, region == null ? null : region.nameZh,
                shown.validFrom, shown.validTo, status,
                succs.stream().map(l -> new CodeName(l.successorCode, names.on(l.successorCode, l.effectiveDate))).distinct().toList(),
                preds.stream().map(l -> new CodeName(l.predecessorCode, names.on(l.predecessorCode, l.effectiveDate.minusDays(1)))).distinct().toList(),
                retiredBy, category,
                designations.stream().map(d -> DesignationView.of(d, countyName)).toList(),
                shown.source, shown.version);
    }

    /** The counties valid on asOf that pass the filter, unsorted. */
    public List<CountyView> list(LocalDate asOf, Filter f) {
        List<Division> counties = Division.list("level = ?1 and validFrom <= ?2 and (validTo is null or validTo > ?2)", Division.COUNTY, asOf);
        Map<String, Division> prefectures = byCode(Division.list(
                "level = ?1 and validFrom <= ?2 and (validTo is null or validTo > ?2)", Division.PREFECTURE, asOf));
        Map<String, Region> regions = Region.<Region>listAll().stream().collect(Collectors.toMap(r -> r.code, r -> r));
        Map<String, List<Designation>> designations = Designation.<Designation>list(
                        "validFrom <= ?1 and (validTo is null or validTo > ?1) order by typeCode", asOf).stream()
                .collect(Collectors.groupingBy(d -> d.countyCode));
        Map<String, CategoryAssignment> categories = new HashMap<>();
        List<CategoryAssignment> assignments = f.year() != null
                ? CategoryAssignment.list("endedOn is null and year = ?1", f.year())
                : CategoryAssignment.list("endedOn is null and year <= ?1", asOf.getYear());
        for (CategoryAssignment a : assignments) {
            categories.merge(a.countyCode, a, (x, y) -> x.year >= y.year ? x : y);
        }
        Map<String, String> categoryNames = AssessmentCategory.<AssessmentCategory>listAll().stream()
                .collect(Collectors.toMap(c -> c.code, c -> c.nameZh));
        List<DivisionLineage> lineage = DivisionLineage.listAll();
        Map<String, List<DivisionLineage>> predsOf = lineage.stream().collect(Collectors.groupingBy(l -> l.successorCode));
        Map<String, List<DivisionLineage>> succsOf = lineage.stream().filter(l -> !l.effectiveDate.isAfter(asOf))
                .collect(Collectors.groupingBy(l -> l.predecessorCode));
        Names names = new Names(lineageCodes(lineage, List.of()));
        String nameKey = f.name() == null ? null : PlaceNames.searchKey(f.name());

        List<CountyView> out = new ArrayList<>();
        for (Division c : counties) {
            Division p = c.parentCode == null ? null : prefectures.get(c.parentCode);
            Region r = p == null || p.regionCode == null ? null : regions.get(p.regionCode);
            List<Designation> ds = designations.getOrDefault(c.code, List.of());
            CategoryAssignment ca = categories.get(c.code);
            if (f.prefecture() != null && !f.prefecture().equals(c.parentCode)) {
                continue;
            }
            if (f.province() != null && !f.province().equals(p == null ? c.parentCode : p.parentCode)) {
                continue;
            }
            if (f.region() != null && (r == null || !f.region().equals(r.code))) {
                continue;
            }
            if (f.type() != null && !f.type().equals(c.type)) {
                continue;
            }
            if (f.category() != null && (ca == null || !f.category().equals(ca.categoryCode))) {
                continue;
            }
            if (f.designation() != null && ds.stream().noneMatch(d -> d.typeCode.equals(f.designation()))) {
                continue;
            }
            if (nameKey != null && !c.nameZh.contains(f.name().trim()) && !PlaceNames.searchKey(c.nameEn).contains(nameKey)) {
                continue;
            }
            String countyName = c.nameZh;
            out.add(new CountyView(c.code, c.nameZh, c.nameEn, c.level, c.type, c.parentCode, p == null ? null : p.nameZh,
                    r == null ? null : r.code, r == null ? null : r.nameZh, c.validFrom, c.validTo, "ACTIVE",
                    succsOf.getOrDefault(c.code, List.of()).stream()
                            .map(l -> new CodeName(l.successorCode, names.on(l.successorCode, l.effectiveDate))).distinct().toList(),
                    predsOf.getOrDefault(c.code, List.of()).stream()
                            .map(l -> new CodeName(l.predecessorCode, names.on(l.predecessorCode, l.effectiveDate.minusDays(1)))).distinct().toList(),
                    null,
                    ca == null ? null : new CategoryRef(ca.year, ca.categoryCode, categoryNames.get(ca.categoryCode)),
                    ds.stream().map(d -> DesignationView.of(d, countyName)).toList(),
                    c.source, c.version));
        }
        return out;
    }

    /** The version of a code valid on a date, else its latest version, else null. */
    public static Division versionOn(String code, LocalDate date) {
        return Division.on(code, date).orElseGet(() -> Division.<Division>find("code = ?1 order by validFrom desc", code)
                .firstResultOptional().orElse(null));
    }

    /** The latest Chinese name of a code, for representations that name a county by code. */
    public static String latestName(String code) {
        return Division.<Division>find("code = ?1 order by validFrom desc", code).firstResultOptional().map(d -> d.nameZh).orElse(null);
    }

    static String categoryName(String code) {
        AssessmentCategory c = AssessmentCategory.findById(code);
        return c == null ? null : c.nameZh;
    }

    private static Map<String, Division> byCode(List<Division> ds) {
        return ds.stream().collect(Collectors.toMap(d -> d.code, d -> d, (a, b) -> a));
    }

    private static Set<String> lineageCodes(Collection<DivisionLineage> a, Collection<DivisionLineage> b) {
        Set<String> codes = new java.util.HashSet<>();
        for (DivisionLineage l : a) {
            codes.add(l.predecessorCode);
            codes.add(l.successorCode);
        }
        for (DivisionLineage l : b) {
            codes.add(l.predecessorCode);
            codes.add(l.successorCode);
        }
        return codes;
    }

    /** Names of a set of codes on given dates, from one query. */
    static final class Names {
        private final Map<String, List<Division>> versions;

        Names(Set<String> codes) {
            versions = codes.isEmpty() ? Map.of() : Division.<Division>list("code in ?1 order by validFrom", codes).stream()
                    .collect(Collectors.groupingBy(d -> d.code));
        }

        String on(String code, LocalDate date) {
            List<Division> vs = versions.getOrDefault(code, List.of());
            return vs.stream().filter(v -> v.validOn(date)).findFirst()
                    .or(() -> vs.isEmpty() ? Optional.empty() : Optional.of(vs.get(vs.size() - 1)))
                    .map(v -> v.nameZh).orElse(null);
        }
    }
}
