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
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads prefectures and economic regions as they were on a date, with their county counts. */
@ApplicationScoped
@Transactional
public class PrefectureReads {

    static final SortFields PREFECTURE_SORT = SortFields.of("code", "code", "name", "name", "regionCode", "regionCode");
    static final SortFields REGION_SORT = SortFields.of("code", "code", "name", "name");

    /** The prefectures valid on a date, filtered by region and province (null: any), sorted and paged. */
    public PageResult<PrefectureView> prefectures(LocalDate date, String region, String province, PageParams paging) {
        Map<String, Long> counts = countyCounts(date);
        List<PrefectureView> all = Filter.where().eq("level", Division.PREFECTURE).validOn("validFrom", "validTo", date)
                .eq("regionCode", region).eq("parentCode", province).list(Division.class, null).stream()
                .map(d -> view(d, date, counts.getOrDefault(d.code, 0L).intValue(), null))
                .sorted(PREFECTURE_SORT.comparator(paging.rawSort(), PrefectureReads::property)).toList();
        return PageResult.ofList(all, paging);
    }

    /** A prefecture on a date with its county-level divisions then. */
    public PrefectureView prefecture(String code, LocalDate date) {
        Division d = Division.on(code, date).filter(x -> Division.PREFECTURE.equals(x.level))
                .orElseThrow(() -> ApiException.notFound("Prefecture", code + " on " + date));
        List<CountyRef> counties = Filter.where().eq("level", Division.COUNTY).eq("parentCode", code).validOn("validFrom", "validTo", date)
                .list(Division.class, Sort.by("code")).stream().map(x -> new CountyRef(x.code, x.nameZh, x.nameEn, x.type)).toList();
        return view(d, date, counties.size(), counties);
    }

    /** A version of a prefecture as the list shows it: with its county count on the version's first day. */
    public PrefectureView listed(Division d) {
        return view(d, d.validFrom, countyCounts(d.validFrom).getOrDefault(d.code, 0L).intValue(), null);
    }

    /** The provinces valid on a date with their prefecture and county counts, from three queries whatever their number. */
    public PageResult<ProvinceView> provinces(LocalDate date, PageParams paging) {
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

    public PageResult<RegionView> regions(LocalDate date, PageParams paging) {
        Map<String, Long> counts = countyCounts(date);
        List<RegionView> all = Region.<Region>listAll().stream().map(r -> view(r, date, counts))
                .sorted(REGION_SORT.comparator(paging.rawSort(), (v, p) -> p.equals("name") ? v.name() : v.code())).toList();
        return PageResult.ofList(all, paging);
    }

    public RegionView region(String code, LocalDate date) {
        Region r = Region.findById(code.toUpperCase(Locale.ROOT));
        if (r == null) {
            throw ApiException.notFound("Region", code);
        }
        return view(r, date, countyCounts(date));
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

    private static PrefectureView view(Division d, LocalDate date, int count, List<CountyRef> counties) {
        Division province = d.parentCode == null ? null : Division.on(d.parentCode, date).orElse(null);
        Region region = d.regionCode == null ? null : Region.findById(d.regionCode);
        return new PrefectureView(d.code, d.nameZh, d.nameEn, d.type, d.parentCode, province == null ? null : province.nameZh,
                d.regionCode, region == null ? null : region.nameZh, d.validFrom, d.validTo, count, counties, d.source, d.version);
    }

    private static RegionView view(Region r, LocalDate date, Map<String, Long> counts) {
        List<Division> prefectures = Filter.where().eq("level", Division.PREFECTURE).eq("regionCode", r.code)
                .validOn("validFrom", "validTo", date).list(Division.class, Sort.by("code"));
        int count = prefectures.stream().mapToInt(p -> counts.getOrDefault(p.code, 0L).intValue()).sum();
        return new RegionView(r.code, r.nameZh, r.nameEn, r.provinceCode, prefectures.stream().map(p -> new CodeName(p.code, p.nameZh)).toList(),
                count, r.source);
    }

    private static Comparable<?> property(PrefectureView p, String property) {
        return switch (property) {
            case "code" -> p.code();
            case "name" -> p.name();
            default -> p.regionCode();
        };
    }
}
