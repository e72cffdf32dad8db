package cn.sc.countyeconomy.registry.service;

import cn.sc.countyeconomy.maps.BaseMap;
import cn.sc.countyeconomy.maps.Choropleth;
import cn.sc.countyeconomy.maps.Classes;
import cn.sc.countyeconomy.maps.MapValue;
import cn.sc.countyeconomy.maps.Palette;
import cn.sc.countyeconomy.maps.SvgChoropleth;
import cn.sc.countyeconomy.registry.Region;
import cn.sc.countyeconomy.registry.api.CountyListFilter;
import cn.sc.countyeconomy.registry.api.CountyView;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The map of Sichuan's economic regions and prefectures as of a date, drawn by county-maps from
 * the register's own shapes (the same FeatureCollection as {@code GET /api/v1/counties.geojson}).
 * Base maps are kept per shapes' content, so that dates whose counties are the same share one.
 */
@ApplicationScoped
public class RegionMaps {

    static final CountyListFilter SICHUAN = new CountyListFilter(null, null, "510000", null, null, null, null, null);
    static final double WIDTH = 760;

    @Inject
    CountyShapes shapes;
    @Inject
    CountyReads reads;

    private final Map<Integer, BaseMap> baseMaps = new LinkedHashMap<>(16, 0.75f, true) {

        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, BaseMap> eldest) {
            return size() > 4;
        }
    };

    public String regions(LocalDate asOf) {
        String collection = shapes.featureCollection(asOf, SICHUAN);
        BaseMap base;
        synchronized (baseMaps) {
            base = baseMaps.computeIfAbsent(collection.hashCode() ^ collection.length(), k -> BaseMap.fromGeoJson(collection, WIDTH));
        }
        List<Region> regions = Region.list("provinceCode", Sort.by("code"), "510000");
        LinkedHashMap<String, String> labels = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        for (Region r : regions) {
            labels.put(r.code, r.nameZh);
            names.put(r.code, r.nameZh);
        }
        Map<String, MapValue> values = new HashMap<>();
        for (CountyView c : reads.list(asOf, SICHUAN)) {
            values.put(c.code(), c.regionCode() == null
                    ? MapValue.noData()
                    : MapValue.category(c.regionCode(), names.getOrDefault(c.regionCode(), c.regionCode()) + ", " + c.prefectureName()));
        }
        Classes classes = Classes.categories(labels, Palette.OKABE_ITO.colours(Math.min(labels.size(), Palette.MAX_CLASSES)));
        Choropleth map = new Choropleth("四川省经济区与市州 Economic regions and prefectures", "as of " + asOf,
                "county-registry-service; shapes: " + CountyShapes.SOURCE, "Economic region 经济区", classes, values, MapValue.noData());
        return SvgChoropleth.render(base, map);
    }
}
