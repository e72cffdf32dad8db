package cn.sc.countyeconomy.api.paging;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import java.util.ArrayList;
import java.util.List;

/** Answers a page with its RFC 8288 Link header (first, prev, next, last) and X-Total-Count. */
public final class Paged {

    public static final String TOTAL_COUNT = "X-Total-Count";

    private Paged() {
    }

    public static <T> Response ok(PageResult<T> page, UriInfo uri) {
        return Response.ok(page).header("Link", links(page, uri)).header(TOTAL_COUNT, page.totalItems()).build();
    }

    static String links(PageResult<?> page, UriInfo uri) {
        int last = Math.max(0, page.totalPages() - 1);
        List<String> links = new ArrayList<>();
        links.add(link(uri, 0, page.size(), "first"));
        if (page.page() > 0) {
            links.add(link(uri, Math.min(page.page() - 1, last), page.size(), "prev"));
        }
        if (page.page() < last) {
            links.add(link(uri, page.page() + 1, page.size(), "next"));
        }
        links.add(link(uri, last, page.size(), "last"));
        return String.join(", ", links);
    }

    private static String link(UriInfo uri, int page, int size, String rel) {
        UriBuilder b = uri.getRequestUriBuilder().replaceQueryParam("page", page).replaceQueryParam("size", size);
        // relative reference: correct behind any proxy or load balancer that keeps the path
        String target = b.build().getRawPath() + "?" + b.build().getRawQuery();
        return "<" + target + ">; rel=\"" + rel + "\"";
    }
}
