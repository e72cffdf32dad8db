package cn.sc.countyeconomy.maps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * How a map's values fall into coloured classes, each with the label its legend states: quantile
 * classes, fixed breaks, or categories.
 */
public final class Classes {

    /** One class: what the legend says and the fill of its counties. */
    public record MapClass(String label, String fill) {
    }

    private final List<MapClass> classes;
    private final double[] lowerBounds;
    private final Map<String, Integer> categories;

    private Classes(List<MapClass> classes, double[] lowerBounds, Map<String, Integer> categories) {
        this.classes = List.copyOf(classes);
        this.lowerBounds = lowerBounds;
        this.categories = categories;
    }

    /**
     * Up to {@code k} classes holding about equal numbers of the values (type-7 quantiles; equal
     * breaks merge, so few distinct values give fewer classes). Labels "a – b" with {@code format};
     * {@code reversed} gives the darkest colour to the lowest values (ranks: 1 is best).
     */
    public static Classes quantiles(Collection<Double> values, int k, Palette palette, boolean reversed, DoubleFunction<String> format) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return new Classes(List.of(), new double[0], Map.of());
        }
        List<Double> breaks = new ArrayList<>();
        for (int i = 0; i <= k; i++) {
            double b = quantile(v, (double) i / k);
            if (breaks.isEmpty() || b > breaks.get(breaks.size() - 1)) {
                breaks.add(b);
            }
        }
        if (breaks.size() == 1) {
            breaks.add(breaks.get(0));
        }
        return ranges(breaks, palette, reversed, format);
    }

    /** Classes between fixed breaks {@code b0 <= v < b1 < ... <= bn} (the last class includes its top). */
    public static Classes fixedBreaks(List<Double> breaks, Palette palette, boolean reversed, DoubleFunction<String> format) {
        return ranges(breaks, palette, reversed, format);
    }

    /** One class per category, in the order given, key to legend label. */
    public static Classes categories(LinkedHashMap<String, String> labels, List<String> fills) {
        List<MapClass> classes = new ArrayList<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, String> e : labels.entrySet()) {
            classes.add(new MapClass(e.getValue(), fills.get(i)));
            index.put(e.getKey(), i++);
        }
        return new Classes(classes, new double[0], index);
    }

    private static Classes ranges(List<Double> breaks, Palette palette, boolean reversed, DoubleFunction<String> format) {
        int n = breaks.size() - 1;
        List<String> fills = new ArrayList<>(palette.colours(n));
        if (reversed) {
            Collections.reverse(fills);
        }
        List<MapClass> classes = new ArrayList<>();
        double[] lower = new double[n];
        for (int i = 0; i < n; i++) {
            lower[i] = breaks.get(i);
            String from = format.apply(breaks.get(i));
            String to = format.apply(breaks.get(i + 1));
            classes.add(new MapClass(from.equals(to) ? from : from + " – " + to, fills.get(i)));
        }
        return new Classes(classes, lower, Map.of());
    }

    private static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    public List<MapClass> classes() {
        return classes;
    }

    /** The class of a value, or -1 for no data, disqualified, not applicable or a category not listed. */
    public int indexOf(MapValue value) {
        if (value.kind() == MapValue.Kind.CATEGORY) {
            return categories.getOrDefault(value.category(), -1);
        }
        if (value.kind() != MapValue.Kind.NUMBER || lowerBounds.length == 0) {
            return -1;
        }
        int i = Arrays.binarySearch(lowerBounds, value.number());
        int at = i >= 0 ? i : -i - 2;
        return Math.max(0, Math.min(at, lowerBounds.length - 1));
    }
}
