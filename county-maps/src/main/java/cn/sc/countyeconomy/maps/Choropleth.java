package cn.sc.countyeconomy.maps;

import java.util.Map;
import java.util.Set;

/**
 * What one map says: its title, the year or date of its data, its source, the legend's heading,
 * the classes and the value of each county. Counties of the base map without a value are drawn
 * as {@code absent} (no data, or not applicable where the measure does not concern them).
 * {@code highlight} outlines some counties more strongly (the county of a scorecard).
 */
public record Choropleth(String title, String period, String source, String legendTitle, Classes classes,
        Map<String, MapValue> values, MapValue absent, Set<String> highlight) {

    public Choropleth {
        values = Map.copyOf(values);
        highlight = highlight == null ? Set.of() : Set.copyOf(highlight);
        absent = absent == null ? MapValue.noData() : absent;
    }

    public Choropleth(String title, String period, String source, String legendTitle, Classes classes, Map<String, MapValue> values,
            MapValue absent) {
        this(title, period, source, legendTitle, classes, values, absent, Set.of());
    }
}
