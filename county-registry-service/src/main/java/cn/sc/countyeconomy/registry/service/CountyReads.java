package cn.sc.countyeconomy.registry.service;

import cn.sc.countyeconomy.api.paging.SortFields;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.query.Filter;
import cn.sc.countyeconomy.registry.AssessmentCategory;
import cn.sc.countyeconomy.registry.CategoryAssignment;
import cn.sc.countyeconomy.registry.Designation;
import cn.sc.countyeconomy.registry.Division;
import cn.sc.countyeconomy.registry.DivisionChange;
import cn.sc.countyeconomy.registry.DivisionLineage;
import cn.sc.countyeconomy.registry.Region;
import cn.sc.countyeconomy.registry.api.CategoryRef;
import cn.sc.countyeconomy.registry.api.ChangeSummary;
import cn.sc.countyeconomy.registry.api.CodeName;
import cn.sc.countyeconomy.registry.api.CountyHistory;
import cn.sc.countyeconomy.registry.api.CountyListFilter;
import cn.sc.countyeconomy.registry.api.CountyVersion;
import cn.sc.countyeconomy.registry.api.CountyView;
import cn.sc.countyeconomy.registry.api.DesignationView;
import cn.sc.countyeconomy.registry.naming.PlaceNames;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
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
public class CountyReads {

    private record Key(String code, LocalDate asOf) {
    }

    private record ListKey(LocalDate asOf, CountyListFilter filter) {
    }

    private record RenderedKey(String code, LocalDate asOf) {
    }

    /** A county view as the JSON the API answers, with its version (the ETag). */
    public record Rendered(byte[] json, long version) {
    }

    /**
     * One county as of a date as the JSON answered for it, kept in the cache like {@link #one}: the
     * single-county read, the registry's hottest path, then costs neither a query nor serialisation.
     */
    public Rendered rendered(String code, LocalDate asOf) {
        return cache.county(new RenderedKey(code, asOf), () -> {
            CountyView view = assemble(code, asOf);
            try {
                return new Rendered(json.writeValueAsBytes(view), view.version());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write county " + code, e);
            }
        });
    }

    /**
     * The answer of {@link #rendered} when this replica already has it for the current sequence, found without
     * blocking and without the database (so the resource can answer it on the I/O thread); empty otherwise.
     */
    public Optional<Rendered> renderedIfCached(String code, LocalDate asOf) {
        return cache.cachedCounty(new RenderedKey(code, asOf));
    }

    /** The sortable fields of the county list. */
    public static final SortFields SORT = SortFields.of("code", "code", "name", "name", "nameEn", "nameEn", "type", "type",
            "prefectureCode", "prefectureCode", "validFrom", "validFrom");

    @Inject
    EntityManager em;
    @Inject
    ReadCache cache;
    @Inject
    ObjectMapper json;

    /**
     * One county as of a date, assembled from a handful of queries and then kept in the bounded
     * cache under the change-feed sequence ({@link ReadCache}): a read costs no database round trip
     * while nothing changed.
     */
    public CountyView one(String code, LocalDate asOf) {
        return cache.county(new Key(code, asOf), () -> assemble(code, asOf));
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
        // lineage as known on asOf: a change effective later has no predecessors or successors yet
        List<DivisionLineage> preds = DivisionLineage.list("successorCode = ?1 and effectiveDate <= ?2 order by effectiveDate, predecessorCode", code, asOf);
        List<DivisionLineage> succs = DivisionLineage.list("predecessorCode = ?1 and effectiveDate <= ?2 order by effectiveDate, successorCode", code, asOf);
        ChangeSummary retiredBy = null;
        if ("RETIRED".equals(status)) {
            LocalDate end = shown.validTo;
            retiredBy = DivisionChange.<DivisionChange>list("effectiveDate = ?1 order by id", end).stream()
                    .filter(c -> c.from().contains(code)).findFirst().map(ChangeSummary::of).orElse(null);
        }
        List<Designation> designations = Filter.where().eq("countyCode", code).validOn("validFrom", "validTo", asOf)
                .list(Designation.class, Sort.by("typeCode"));
        CategoryRef category = CategoryAssignment.<CategoryAssignment>find(
                "countyCode = ?1 and endedOn is null and year <= ?2 order by year desc", code, asOf.getYear())
                .firstResultOptional().map(a -> new CategoryRef(a.year, a.categoryCode, categoryName(a.categoryCode))).orElse(null);
        Names names = new Names(lineageCodes(preds, succs));
        String countyName = shown.nameZh;
        return new CountyView(shown.code, shown.nameZh, shown.nameEn, shown.level, shown.type, shown.parentCode,
                prefecture == null ? null : prefecture.nameZh, region == null ? null : region.code, region == null ? null : region.nameZh,
                shown.validFrom, shown.validTo, shown.validFromKnown(), shown.validFromSource, shown.recordedSince,
                "ACTIVE".equals(status) && shown.assumedOn(asOf) ? CountyView.ASSUMED_UNCHANGED_SINCE : CountyView.RECORDED, status,
                succs.stream().map(l -> new CodeName(l.successorCode, names.on(l.successorCode, l.effectiveDate))).distinct().toList(),
                preds.stream().map(l -> new CodeName(l.predecessorCode, names.on(l.predecessorCode, l.effectiveDate.minusDays(1)))).distinct().toList(),
                retiredBy, category,
                designations.stream().map(d -> DesignationView.of(d, countyName)).toList(),
                shown.source, shown.version);
    }

    /** The counties valid on asOf that pass the filter, in the order asked for ({@link #SORT}). */
    public List<CountyView> list(LocalDate asOf, CountyListFilter f, List<String> sort) {
        return list(asOf, f).stream().sorted(SORT.comparator(sort, CountyReads::property)).toList();
    }

    /** The counties valid on asOf that pass the filter, unsorted (cached under the change-feed sequence). */
    public List<CountyView> list(LocalDate asOf, CountyListFilter f) {
        return cache.countyList(new ListKey(asOf, f), () -> List.copyOf(assembleList(asOf, f)));
    }

    private List<CountyView> assembleList(LocalDate asOf, CountyListFilter f) {
        CountyListContext ctx = CountyListContext.load(asOf, f.year());
        String nameKey = f.name() == null ? null : PlaceNames.searchKey(f.name());
        List<CountyView> out = new ArrayList<>();
        for (Division c : validOn(asOf, Division.COUNTY)) {
            if (ctx.matches(c, f, nameKey)) {
                out.add(ctx.view(c));
            }
        }
        return out;
    }

    /** The history of a county code: its versions and the changes that touched it. */
    public CountyHistory history(String code) {
        List<Division> versions = Division.versions(code).stream().filter(d -> Division.COUNTY.equals(d.level)).toList();
        if (versions.isEmpty()) {
            throw ApiException.notFound("County", code);
        }
        List<CountyVersion> entries = versions.stream().map(v -> {
            Division p = v.parentCode == null ? null : versionOn(v.parentCode, v.validFrom);
            return new CountyVersion(v.validFrom, v.validTo, v.validFromKnown(), v.validFromSource, v.recordedSince, v.nameZh, v.nameEn, v.type, v.parentCode,
                    p == null ? null : p.nameZh, v.source, v.version);
        }).toList();
        List<ChangeSummary> changes = DivisionChange.<DivisionChange>list("order by effectiveDate, id").stream()
                .filter(ch -> ch.from().contains(code) || ch.to().contains(code)).map(ChangeSummary::of).toList();
        return new CountyHistory(code, entries, changes);
    }

    /** The divisions of a level valid on a date. */
    static List<Division> validOn(LocalDate date, String level) {
        return Filter.where().eq("level", level).validOn("validFrom", "validTo", date).list(Division.class, null);
    }

    static Comparable<?> property(CountyView c, String property) {
        return switch (property) {
            case "code" -> c.code();
            case "name" -> c.name();
            case "nameEn" -> c.nameEn();
            case "type" -> c.type();
            case "prefectureCode" -> c.prefectureCode();
            case "validFrom" -> c.validFrom();
            default -> null;
        };
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

    /** The latest Chinese name of each of a set of codes, from one query. */
    public static Map<String, String> latestNames(Collection<String> codes) {
        Map<String, String> names = new java.util.HashMap<>();
        if (!codes.isEmpty()) {
            for (Division d : Division.<Division>list("code in ?1 order by validFrom", new HashSet<>(codes))) {
                names.put(d.code, d.nameZh); // later versions overwrite earlier ones
            }
        }
        return names;
    }

    /** The Chinese names of the assessment categories. */
    static Map<String, String> categoryNames() {
        return AssessmentCategory.<AssessmentCategory>listAll().stream().collect(Collectors.toMap(c -> c.code, c -> c.nameZh));
    }

    static String categoryName(String code) {
        AssessmentCategory c = AssessmentCategory.findById(code);
        return c == null ? null : c.nameZh;
    }

    static Map<String, Division> byCode(List<Division> ds) {
        return ds.stream().collect(Collectors.toMap(d -> d.code, d -> d, (a, b) -> a));
    }

    static Set<String> lineageCodes(Collection<DivisionLineage> a, Collection<DivisionLineage> b) {
        Set<String> codes = new HashSet<>();
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
            versions = codes.isEmpty()
                    ? Map.of()
                    : Division.<Division>list("code in ?1 order by validFrom", codes).stream()
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
