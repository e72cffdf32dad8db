package cn.sc.countyeconomy.api.query;

import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.PageResult;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.runtime.JpaOperations;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The conditions of a list, typed: the one way a collection's filters become a query. Each
 * condition names an entity property (or, for a native query, a column) and is left out when its
 * value is absent, so a resource passes its optional parameters straight through. Values always
 * travel as bound parameters; property names come from code, never from a request.
 *
 * <pre>{@code
 * Filter f = Filter.where()
 *         .eq("countyCode", county)
 *         .in("status", statuses)
 *         .validOn("validFrom", "validTo", asOf)
 *         .contains("name", text);
 * PageResult<PilotView> page = PageResult.of(f.find(Pilot.class, sort), paging, PilotView::of);
 * }</pre>
 */
public final class Filter {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params;

    private Filter() {
        this(new LinkedHashMap<>());
    }

    /** A filter that binds into another's parameters: the alternatives of {@link #anyOf}. */
    private Filter(Map<String, Object> params) {
        this.params = params;
    }

    /** An empty filter: every row. */
    public static Filter where() {
        return new Filter();
    }

    /** {@code property = value}, when value is not null. */
    public Filter eq(String property, Object value) {
        return value == null ? this : add(property + " = :" + bind(value));
    }

    /** {@code property in (values)}, when values is not null; an empty collection matches nothing. */
    public Filter in(String property, Collection<?> values) {
        if (values == null) {
            return this;
        }
        if (values.isEmpty()) {
            return add("1 = 0");
        }
        return add(property + " in :" + bind(values));
    }

    /** {@code from <= property <= to}, each bound only when given (inclusive). */
    public <T extends Comparable<? super T>> Filter range(String property, T from, T to) {
        if (from != null) {
            add(property + " >= :" + bind(from));
        }
        if (to != null) {
            add(property + " <= :" + bind(to));
        }
        return this;
    }

    /** {@code property >= value}, when value is not null. */
    public Filter atLeast(String property, Object value) {
        return value == null ? this : add(property + " >= :" + bind(value));
    }

    /** {@code property < value}, when value is not null. */
    public Filter before(String property, Object value) {
        return value == null ? this : add(property + " < :" + bind(value));
    }

    /**
     * Valid on a date, for rows valid over the half-open period [from, to) with an open end as
     * null: {@code from <= date and (to is null or to > date)}. Nothing when date is null.
     */
    public Filter validOn(String fromProperty, String toProperty, LocalDate date) {
        if (date == null) {
            return this;
        }
        String d = bind(date);
        return add(fromProperty + " <= :" + d + " and (" + toProperty + " is null or " + toProperty + " > :" + d + ")");
    }

    /**
     * Overlapping the half-open period [from, to) (to null: open-ended): rows valid at some day of
     * it. Nothing when from is null.
     */
    public Filter overlaps(String fromProperty, String toProperty, LocalDate from, LocalDate to) {
        if (from == null) {
            return this;
        }
        add("(" + toProperty + " is null or " + toProperty + " > :" + bind(from) + ")");
        return to == null ? this : add(fromProperty + " < :" + bind(to));
    }

    /** Case-insensitive substring match on any of the properties, when text is not blank. */
    public Filter contains(String text, String... properties) {
        if (text == null || text.isBlank()) {
            return this;
        }
        String p = bind("%" + escapeLike(text.trim().toLowerCase(Locale.ROOT)) + "%");
        List<String> any = new ArrayList<>();
        for (String property : properties) {
            any.add("lower(" + property + ") like :" + p + " escape '\\'");
        }
        return add(any.size() == 1 ? any.get(0) : "(" + String.join(" or ", any) + ")");
    }

    /** {@code property is null} when {@code isNull} is true, {@code is not null} when false, nothing when null. */
    public Filter isNull(String property, Boolean isNull) {
        if (isNull == null) {
            return this;
        }
        return add(property + (isNull ? " is null" : " is not null"));
    }

    /**
     * At least one of the alternatives holds, each stated with the same methods, e.g. "not overdue":
     * {@code anyOf(a -> a.eq("status", DONE), a -> a.atLeast("deadline", today))}. An alternative
     * without any condition holds for every row, and then so does the whole.
     */
    @SafeVarargs
    public final Filter anyOf(UnaryOperator<Filter>... alternatives) {
        List<String> any = new ArrayList<>();
        for (UnaryOperator<Filter> alternative : alternatives) {
            Filter sub = alternative.apply(new Filter(params));
            if (sub.conditions.isEmpty()) {
                return this;
            }
            any.add(sub.conditions.size() == 1 ? sub.conditions.get(0) : "(" + sub.query() + ")");
        }
        return any.isEmpty() ? this : add("(" + String.join(" or ", any) + ")");
    }

    /** The conditions joined with {@code and}; {@code 1 = 1} when there are none. */
    public String query() {
        return conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
    }

    /** The bound parameters, by name. */
    public Map<String, Object> params() {
        return Collections.unmodifiableMap(params);
    }

    public boolean isEmpty() {
        return conditions.isEmpty();
    }

    /** The Panache query of an entity with these conditions, in the given order (count and paging included). */
    @SuppressWarnings("unchecked")
    public <E> PanacheQuery<E> find(Class<E> entity, Sort sort) {
        return (PanacheQuery<E>) JpaOperations.INSTANCE.find(entity, query(), sort, params);
    }

    /**
     * A page of a plain JPA entity (one that is not a Panache entity, such as the shared module's
     * own), in the order of {@code orderBy} (JPQL, e.g. from {@code SortFields.jpql}).
     */
    public <E, T> PageResult<T> page(EntityManager em, Class<E> entity, String orderBy, PageParams paging, Function<E, T> mapper) {
        String from = "from " + entity.getSimpleName() + " where " + query();
        TypedQuery<E> rows = em.createQuery(from + " order by " + orderBy, entity);
        TypedQuery<Long> count = em.createQuery("select count(*) " + from, Long.class);
        params.forEach((name, value) -> {
            rows.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<T> items = rows.setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList().stream().map(mapper).toList();
        return PageResult.of(items, paging, count.getSingleResult());
    }

    /** The rows of an entity with these conditions, in the given order. */
    public <E> List<E> list(Class<E> entity, Sort sort) {
        return this.<E>find(entity, sort).list();
    }

    /** How many rows of an entity meet these conditions. */
    public long count(Class<?> entity) {
        return JpaOperations.INSTANCE.count(entity, query(), params);
    }

    private Filter add(String condition) {
        conditions.add(condition);
        return this;
    }

    private String bind(Object value) {
        String name = "f" + (params.size() + 1);
        params.put(name, value);
        return name;
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
