package cn.sc.countyeconomy.api.paging;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/** One page of a collection, with the totals a client needs to page through it. */
@Schema(description = "A page of a collection. RFC 8288 Link headers name the first, prev, next and last pages.")
public record PageResult<T>(
        @Schema(description = "The items of this page.") List<T> items,
        @Schema(description = "This page's number, from 0.") int page,
        @Schema(description = "The page size asked for.") int size,
        @Schema(description = "How many items the whole collection has with these filters.") long totalItems,
        @Schema(description = "How many pages of this size there are.") int totalPages) {

    public static <T> PageResult<T> of(List<T> items, PageParams params, long total) {
        int size = params.size();
        return new PageResult<>(items, params.page(), size, total, (int) ((total + size - 1) / size));
    }

    /** Runs a Panache query for the page asked for and maps its entities. */
    public static <E, T> PageResult<T> of(PanacheQuery<E> query, PageParams params, Function<E, T> mapper) {
        List<T> items = query.page(params.page(), params.size()).list().stream().map(mapper).toList();
        return of(items, params, query.count());
    }

    /** Pages a list already in memory. */
    public static <T> PageResult<T> ofList(List<T> all, PageParams params) {
        int from = Math.min(params.offset(), all.size());
        int to = Math.min(from + params.size(), all.size());
        return of(all.subList(from, to), params, all.size());
    }
}
