package cn.sc.countyeconomy.api.paging;

import cn.sc.countyeconomy.api.problem.ApiException;
import io.quarkus.panache.common.Sort;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields a collection may be sorted on: the name in the API mapped to the entity property.
 * A sort on any other field is a 400 that lists the allowed ones; nothing unchecked reaches SQL.
 */
public final class SortFields {

    private final Map<String, String> fields;
    private final String defaultField;

    private SortFields(Map<String, String> fields, String defaultField) {
        this.fields = fields;
        this.defaultField = defaultField;
    }

    /** Pairs of (api name, entity property); the first is the default sort, ascending. */
    public static SortFields of(String... apiAndProperty) {
        if (apiAndProperty.length == 0 || apiAndProperty.length % 2 != 0) {
            throw new IllegalArgumentException("pairs of api name and property expected");
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < apiAndProperty.length; i += 2) {
            m.put(apiAndProperty[i], apiAndProperty[i + 1]);
        }
        return new SortFields(m, apiAndProperty[0]);
    }

    public record Order(String apiField, String property, boolean ascending) {
    }

    public List<Order> parse(List<String> raw) {
        List<Order> orders = new ArrayList<>();
        for (String s : raw) {
            if (s == null || s.isBlank()) {
                continue;
            }
            // limit -1 keeps empty parts: "," and "name," are errors, not an index out of bounds
            String[] parts = s.split(",", -1);
            String field = parts[0].trim();
            String property = fields.get(field);
            if (property == null) {
                throw ApiException.invalidParameter("sort", "cannot sort on '" + field + "'; sortable fields: "
                        + String.join(", ", fields.keySet()));
            }
            boolean asc = true;
            if (parts.length > 2) {
                throw ApiException.invalidParameter("sort", "expected field,asc or field,desc, was '" + s + "'");
            }
            if (parts.length == 2) {
                String dir = parts[1].trim().toLowerCase();
                if (!dir.equals("asc") && !dir.equals("desc")) {
                    throw ApiException.invalidParameter("sort", "direction must be asc or desc, was '" + parts[1] + "'");
                }
                asc = dir.equals("asc");
            }
            orders.add(new Order(field, property, asc));
        }
        if (orders.stream().noneMatch(o -> o.apiField.equals(defaultField))) {
            // a stable tie-breaker keeps pages from overlapping
            orders.add(new Order(defaultField, fields.get(defaultField), true));
        }
        return orders;
    }

    /** A Panache sort for these parameters. */
    public Sort panache(List<String> raw) {
        Sort sort = null;
        for (Order o : parse(raw)) {
            Sort.Direction d = o.ascending ? Sort.Direction.Ascending : Sort.Direction.Descending;
            sort = sort == null ? Sort.by(o.property, d) : sort.and(o.property, d);
        }
        return sort;
    }

    /** A JPQL order-by clause (without the keywords) for these parameters. */
    public String jpql(List<String> raw) {
        List<String> keys = new ArrayList<>();
        for (Order o : parse(raw)) {
            keys.add(o.property + (o.ascending ? " asc" : " desc"));
        }
        return String.join(", ", keys);
    }

    /** An in-memory comparator, for collections computed rather than queried. */
    public <T> Comparator<T> comparator(List<String> raw, java.util.function.BiFunction<T, String, Comparable<?>> property) {
        Comparator<T> c = null;
        for (Order o : parse(raw)) {
            @SuppressWarnings({"unchecked", "rawtypes"})
            Comparator<T> next = Comparator.comparing(t -> (Comparable) property.apply(t, o.property),
                    Comparator.nullsLast(Comparator.naturalOrder()));
            if (!o.ascending) {
                next = next.reversed();
            }
            c = c == null ? next : c.thenComparing(next);
        }
        return c;
    }

    public String describe() {
        return String.join(", ", fields.keySet());
    }
}
