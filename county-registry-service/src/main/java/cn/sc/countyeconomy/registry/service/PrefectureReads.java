package cn.sc.countyeconomy.registry.service;

import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.PageResult;
import cn.sc.countyeconomy.api.paging.SortFields;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.query.Filter;
import cn.sc.countyeconomy.registry.Division;
import cn.sc.countyeconomy.registry.Region;
import cn.sc.countyeconomy.registry.api.CodeName;
import cn.sc.countyeconomy.registry.api.CountyRef;
import cn.sc.countyeconomy.registry.api.PrefectureView;
import cn.sc.countyeconomy.registry.api.ProvinceView;
import cn.sc.countyeconomy.registry.api.RegionView;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads prefectures and economic regions as they were on a date, with their county counts. */
@ApplicationScoped
public class PrefectureReads {

    static final SortFields PREFECTURE_SORT = SortFields.of("code", "code", "name", "name", "regionCode", "regionCode");
    static final SortFields REGION_SORT = SortFields.of("code", "code", "name", "name");

    private record Key(String what, LocalDate date, String code, String region, String province, int page, int size, List<String> sort) {

        static Key of(String what, LocalDate date, String code, String region, String province, PageParams paging) {
            return new Key(what, date, code, region, province, paging == null ? 0 : paging.page(), paging == null ? 0 : paging.size(),
                    paging == null ? List.of() : List.copyOf(paging.rawSort()));
        }
    }

    @Inject
    ReadCache cache;

    /** The prefectures valid on a date, filtered by region and province (null: any), sorted and paged; four queries whatever their number. */
    public PageResult<PrefectureView> prefectures(LocalDate date, String region, String province, PageParams paging) {
        return cache.list(Key.of("prefectures", date, null, region, province, paging), () -> {
            Map<String, Long> counts = countyCounts(date);
            Names names = Names.on(date);
            List<PrefectureView> all = Filter.where().eq("level", Division.PREFECTURE).validOn("validFrom", "validTo", date)
                    .eq("regionCode", region).eq("parentCode", province).list(Division.class, null).stream()
                    .map(d -> view(d, names, counts.getOrDefault(d.code, 0L).intValue(), null))
                    .sorted(PREFECTURE_SORT.comparator(paging.rawSort(), PrefectureReads::property)).toList();
            return PageResult.ofList(all, paging);
        });
    }

    /** A prefecture on a date with its county-level divisions then. */
    public PrefectureView prefecture(String code, LocalDate date) {
        return cache.list(Key.of("prefecture", date, code, null, null, null), () -> assemblePrefecture(code, date));
    }

    private PrefectureView assemblePrefecture(String code, LocalDate date) {
        Division d = Division.on(code, date).filter(x -> Division.PREFECTURE.equals(x.level))
                .orElseThrow(() -> ApiException.notFound("Prefecture", code + " on " + date));
        List<CountyRef> counties = Filter.where().eq("level", Division.COUNTY).eq("parentCode", code).validOn("validFrom", "validTo", date)
                .list(Division.class, Sort.by("code")).stream().map(x -> new CountyRef(x.code, x.nameZh, x.nameEn, x.type)).toList();
        return view(d, Names.on(date), counties.size(), counties);
    }

    /** A version of a prefecture as the list shows it: with its county count on the version's first day. */
    public PrefectureView listed(Division d) {
        return view(d, Names.on(d.validFrom), countyCounts(d.validFrom).getOrDefault(d.code, 0L).intValue(), null);
    }

    /** The provinces valid on a date with their prefecture and county counts, from three queries whatever their number. */
    public PageResult<ProvinceView> provinces(LocalDate date, PageParams paging) {
        return cache.list(Key.of("provinces", date, null, null, null, paging), () -> assembleProvinces(date, paging));
    }

    private PageResult<ProvinceView> assembleProvinces(LocalDate date, PageParams paging) {
        Map<String, Long> countiesPerPrefecture = countyCounts(date);
        Map<String, Long> prefecturesPerProvince = new HashMap<>();
        Map<String, Long> countiesPerProvince = new HashMap<>();
        for (Division p : Filter.where().eq("level", Division.PREFECTURE).validOn("validFrom", "validTo", date).list(Division.class, null)) {
            prefecturesPerProvince.merge(p.parentCode, 1L, Long::sum);
            countiesPerProvince.merge(p.parentCode, countiesPerPrefecture.getOrDefault(p.code, 0L), Long::sum);
        }
        // county-level divisions directly under a province (e.g. 东莞市 after a national import)
        countiesPerPrefecture.forEach((parent, n) -> {
            if (parent != null && parent.endsWith("0000")) {
                countiesPerProvince.merge(parent, n, Long::sum);
            }
        });
        List<ProvinceView> all = Filter.where().eq("level", Division.PROVINCE).validOn("validFrom", "validTo", date).list(Division.class, null)
                .stream().map(d -> new ProvinceView(d.code, d.nameZh, d.nameEn, d.validFrom, d.validTo, d.validFromKnown(),
                        prefecturesPerProvince.getOrDefault(d.code, 0L).intValue(), countiesPerProvince.getOrDefault(d.code, 0L).intValue(),
                        d.source, d.version))
                .sorted(REGION_SORT.comparator(paging.rawSort(), (v, p) -> p.equals("name") ? v.name() : v.code())).toList();
        return PageResult.ofList(all, paging);
    }

    /** The regions with their prefectures and county counts on a date: three queries whatever their number. */
    public PageResult<RegionView> regions(LocalDate date, PageParams paging) {
        return cache.list(Key.of("regions", date, null, null, null, paging), () -> {
            RegionFacts facts = RegionFacts.on(date);
            List<RegionView> all = Region.<Region>listAll().stream().map(facts::view)
                    .sorted(REGION_SORT.comparator(paging.rawSort(), (v, p) -> p.equals("name") ? v.name() : v.code())).toList();
            return PageResult.ofList(all, paging);
        });
    }

    public RegionView region(String code, LocalDate date) {
        String upper = code.toUpperCase(Locale.ROOT);
        return cache.list(Key.of("region", date, upper, null, null, null), () -> {
            Region r = Region.findById(upper);
            if (r == null) {
                throw ApiException.notFound("Region", code);
            }
            return RegionFacts.on(date).view(r);
        });
    }

    /** The prefectures of every region on a date and the county counts, read once. */
    private record RegionFacts(Map<String, List<Division>> prefecturesOf, Map<String, Long> counts) {

        static RegionFacts on(LocalDate date) {
            Map<String, List<Division>> prefecturesOf = Filter.where().eq("level", Division.PREFECTURE).validOn("validFrom", "validTo", date)
                    .isNull("regionCode", false).list(Division.class, Sort.by("code")).stream()
                    .collect(java.util.stream.Collectors.groupingBy(p -> p.regionCode));
            return new RegionFacts(prefecturesOf, countyCounts(date));
        }

        RegionView view(Region r) {
            List<Division> prefectures = prefecturesOf.getOrDefault(r.code, List.of());
            int count = prefectures.stream().mapToInt(p -> counts.getOrDefault(p.code, 0L).intValue()).sum();
            return new RegionView(r.code, r.nameZh, r.nameEn, r.provinceCode, prefectures.stream().map(p -> new CodeName(p.code, p.nameZh)).toList(),
                    count, r.source);
        }
    }

    /** Names of the provinces valid on a date and of the regions, each read once. */
    private record Names(Map<String, String> provinces, Map<String, String> regions) {

        static Names on(LocalDate date) {
            Map<String, String> provinces = new HashMap<>();
            Filter.where().eq("level", Division.PROVINCE).validOn("validFrom", "validTo", date).list(Division.class, null)
                    .forEach(p -> provinces.put(p.code, p.nameZh));
            Map<String, String> regions = new HashMap<>();
            Region.<Region>listAll().forEach(r -> regions.put(r.code, r.nameZh));
            return new Names(provinces, regions);
        }
    }

    /** How many county-level divisions each prefecture had on a date. */
    static Map<String, Long> countyCounts(LocalDate date) {
        Filter f = Filter.where().eq("level", Division.COUNTY).validOn("validFrom", "validTo", date);
        var query = Division.getEntityManager().createQuery("select parentCode, count(*) from Division where " + f.query()
                + " group by parentCode", Object[].class);
        f.params().forEach(query::setParameter);
        Map<String, Long> m = new HashMap<>();
        for (Object[] row : query.getResultList()) {
            m.put((String) row[0], (Long) row[1]);
        }
        return m;
    }

    private static PrefectureView view(Division d, Names names, int count, List<CountyRef> counties) {
        return new PrefectureView(d.code, d.nameZh, d.nameEn, d.type, d.parentCode, d.parentCode == null ? null : names.provinces().get(d.parentCode),
                d.regionCode, d.regionCode == null ? null : names.regions().get(d.regionCode), d.validFrom, d.validTo, count, counties, d.source,
                d.version);
    }

    private static Comparable<?> property(PrefectureView p, String property) {
        return switch (property) {
            case "code" -> p.code();
            case "name" -> p.name();
            default -> p.regionCode();
        };
    }
}
