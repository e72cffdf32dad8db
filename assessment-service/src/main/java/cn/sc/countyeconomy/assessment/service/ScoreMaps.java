package cn.sc.countyeconomy.assessment.service;

import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.assessment.OfficialRun;
import cn.sc.countyeconomy.assessment.RunResult;
import cn.sc.countyeconomy.maps.BaseMap;
import cn.sc.countyeconomy.maps.Choropleth;
import cn.sc.countyeconomy.maps.Classes;
import cn.sc.countyeconomy.maps.MapValue;
import cn.sc.countyeconomy.maps.Palette;
import cn.sc.countyeconomy.maps.SvgChoropleth;
import cn.sc.countyeconomy.registry.client.RegistryBaseMaps;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Maps of the official run of a year: overall score, rank in category, rank change or one area's
 * score, per county, drawn by county-maps over the registry's shapes of the year's last day.
 */
@ApplicationScoped
public class ScoreMaps {

    /** The measures a score map can show; {@code area:<AREA>} names an area of the scheme. */
    public static final List<String> MEASURES = List.of("overall", "rank", "rankChange", "area:<AREA>");

    static final String SHAPES = "shapes: county-registry-service (indicative, about 2017)";

    @Inject
    RunService runs;
    @Inject
    RegistryBaseMaps baseMaps;

    /** The SVG map of a measure for the year's official run, optionally of one category. */
    @Transactional
    public String scores(int year, String measure, String category) {
        String m = measure == null || measure.isBlank() ? "overall" : measure;
        if (category != null && !FrameworkService.CATEGORIES.contains(category)) {
            throw ApiException.invalidParameter("category", "must be one of " + new TreeSet<>(FrameworkService.CATEGORIES));
        }
        if (!m.equals("overall") && !m.equals("rank") && !m.equals("rankChange") && !m.startsWith("area:")) {
            throw ApiException.invalidParameter("measure", "must be one of " + MEASURES + ", was '" + m + "'");
        }
        OfficialRun o = runs.official(year);
        List<RunResult> results = runs.results(o.runId, null);
        if (m.startsWith("area:") && results.stream().noneMatch(r -> areaScores(r).containsKey(m.substring(5)))) {
            TreeSet<String> areas = new TreeSet<>();
            results.forEach(r -> areas.addAll(areaScores(r).keySet()));
            throw ApiException.invalidParameter("measure", "area '" + m.substring(5) + "' is not one of " + areas);
        }
        Map<String, MapValue> values = new HashMap<>();
        for (RunResult r : results) {
            values.put(r.countyCode, category != null && !category.equals(r.category)
                    ? MapValue.notApplicable("not in " + category + " (" + (r.category == null ? "no category" : r.category) + ")")
                    : value(r, m));
        }
        String title = switch (m) {
            case "overall" -> "县域经济高质量发展考核 总分 Overall score";
            case "rank" -> "县域经济高质量发展考核 类别内排名 Rank in category";
            case "rankChange" -> "县域经济高质量发展考核 排名变化 Rank change";
            default -> "县域经济高质量发展考核 " + m.substring(5) + " area score";
        };
        String period = year + (category == null ? ", all categories" : ", category " + category) + " (official run " + o.runId + ")";
        String source = "assessment-service, official run " + o.runId + " of " + year + "; " + SHAPES;
        Choropleth map = new Choropleth(title, period, source, legendTitle(m), classes(m, values), values, MapValue.noData());
        return SvgChoropleth.render(baseMaps.of(LocalDate.of(year, 12, 31)), map);
    }

    /**
     * The county among the other counties of its prefecture, coloured by overall score in the
     * province's quintiles, outlined; empty when the registry's shapes do not hold the county.
     */
    @Transactional
    public java.util.Optional<String> prefectureMap(int year, String countyCode) {
        OfficialRun o = runs.official(year);
        BaseMap province = baseMaps.of(LocalDate.of(year, 12, 31));
        java.util.Optional<BaseMap.CountyOutline> county = province.counties().stream().filter(c -> c.code().equals(countyCode)).findFirst();
        if (county.isEmpty() || county.get().prefectureCode() == null) {
            return java.util.Optional.empty();
        }
        Map<String, MapValue> values = new HashMap<>();
        for (RunResult r : runs.results(o.runId, null)) {
            values.put(r.countyCode, value(r, "overall"));
        }
        Classes classes = classes("overall", values);
        BaseMap prefecture = province.prefecture(county.get().prefectureCode(), 360);
        Choropleth map = new Choropleth(county.get().prefectureName() + " " + county.get().name(), year + ", overall score", "assessment-service, official run "
                + o.runId + "; " + SHAPES, "Overall score, province quintiles", classes, values, MapValue.noData(), java.util.Set.of(countyCode));
        return java.util.Optional.of(SvgChoropleth.render(prefecture, map));
    }

    private MapValue value(RunResult r, String m) {
        if ("DISQUALIFIED".equals(r.status)) {
            return MapValue.disqualified("disqualified (red line)" + (r.overall == null ? "" : ", score " + r.overall));
        }
        Double v = switch (m) {
            case "overall" -> r.overall == null ? null : r.overall.doubleValue();
            case "rank" -> r.rank == null ? null : r.rank.doubleValue();
            case "rankChange" -> r.rankChange == null ? null : r.rankChange.doubleValue();
            default -> areaScores(r).get(m.substring(5));
        };
        if (v == null) {
            return new MapValue(MapValue.Kind.NO_DATA, null, null, "no data (" + r.status + ")");
        }
        return switch (m) {
            case "rank" -> MapValue.number(v, "rank " + v.intValue() + " in " + r.category);
            case "rankChange" -> MapValue.category(changeClass(v.intValue()), (v > 0 ? "+" : "") + v.intValue() + " places");
            default -> MapValue.number(v, String.format(Locale.ROOT, "%.2f", v));
        };
    }

    /** Rank change: positive is a better rank than the year before. */
    static final LinkedHashMap<String, String> CHANGES = new LinkedHashMap<>();
    static {
        CHANGES.put("DOWN_10", "down 10 or more");
        CHANGES.put("DOWN_3", "down 3 to 9");
        CHANGES.put("DOWN_1", "down 1 or 2");
        CHANGES.put("SAME", "unchanged");
        CHANGES.put("UP_1", "up 1 or 2");
        CHANGES.put("UP_3", "up 3 to 9");
        CHANGES.put("UP_10", "up 10 or more");
    }

    static String changeClass(int change) {
        if (change <= -10) {
            return "DOWN_10";
        }
        if (change <= -3) {
            return "DOWN_3";
        }
        if (change < 0) {
            return "DOWN_1";
        }
        if (change == 0) {
            return "SAME";
        }
        return change < 3 ? "UP_1" : change < 10 ? "UP_3" : "UP_10";
    }

    private static Classes classes(String m, Map<String, MapValue> values) {
        if (m.equals("rankChange")) {
            return Classes.categories(CHANGES, Palette.RD_BU.colours(CHANGES.size()));
        }
        List<Double> numbers = new ArrayList<>();
        values.values().stream().filter(v -> v.kind() == MapValue.Kind.NUMBER).forEach(v -> numbers.add(v.number()));
        if (m.equals("rank")) {
            return Classes.quantiles(numbers, 5, Palette.YL_GN_BU, true, v -> Long.toString(Math.round(v)));
        }
        return Classes.quantiles(numbers, 5, Palette.YL_GN_BU, false, v -> String.format(Locale.ROOT, "%.1f", v));
    }

    private static String legendTitle(String m) {
        return switch (m) {
            case "overall" -> "Overall score (quintiles)";
            case "rank" -> "Rank in category (quintiles)";
            case "rankChange" -> "Places against the previous year";
            default -> "Area score (quintiles)";
        };
    }

    private Map<String, Double> areaScores(RunResult r) {
        Map<String, Object> detail = runs.read(r.detail, new TypeReference<Map<String, Object>>() {
        });
        Map<String, Double> out = new HashMap<>();
        Object a = detail.get("areaScores");
        if (a instanceof Map<?, ?> scores) {
            scores.forEach((k, v) -> {
                if (v instanceof Number n) {
                    out.put((String) k, n.doubleValue());
                }
            });
        }
        return out;
    }
}
