package cn.sc.countyeconomy.api.paging;

import cn.sc.countyeconomy.api.problem.ApiException;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.List;

/**
 * The paging and sorting parameters of every collection: {@code page} (from 0), {@code size}
 * (default 20, at most 500) and {@code sort=field,asc|desc} (repeatable). Use as a
 * {@code @BeanParam}. Values are read as text and checked here so that a wrong type is a 400
 * naming the parameter.
 */
public class PageParams {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 500;
    /**
     * The furthest item a page may start at (page x size). Beyond it a client is not paging but
     * probing: the offset would overflow an int and no collection of these services is that long.
     */
    public static final int MAX_OFFSET = 1_000_000;

    @QueryParam("page")
    @Parameter(description = "Page number, from 0.", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
    String page;

    @QueryParam("size")
    @Parameter(description = "Page size, 1 to 500.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "20"))
    String size;

    @QueryParam("sort")
    @Parameter(description = "Sort order as `field,asc` or `field,desc`; repeat for more keys. Only the fields "
            + "named in the operation's description may be used, e.g. `code,asc`.")
    List<String> sort;

    public PageParams() {
    }

    public static PageParams of(int page, int size, String... sort) {
        PageParams p = new PageParams();
        p.page = Integer.toString(page);
        p.size = Integer.toString(size);
        p.sort = List.of(sort);
        return p;
    }

    public int page() {
        int p = parse("page", page, 0);
        if (p < 0) {
            throw ApiException.invalidParameter("page", "must be 0 or more, was " + p);
        }
        int s = size();
        if ((long) p * s > MAX_OFFSET) {
            throw ApiException.invalidParameter("page", "page x size must be at most " + MAX_OFFSET + ", was " + ((long) p * s)
                    + "; narrow the filter instead");
        }
        return p;
    }

    public int size() {
        int s = parse("size", size, DEFAULT_SIZE);
        if (s < 1 || s > MAX_SIZE) {
            throw ApiException.invalidParameter("size", "must be between 1 and " + MAX_SIZE + ", was " + s);
        }
        return s;
    }

    public List<String> rawSort() {
        return sort == null ? List.of() : sort;
    }

    /** The first index of this page, for in-memory lists. */
    public int offset() {
        return page() * size();
    }

    private static int parse(String name, String value, int dflt) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalidParameter(name, "must be a whole number between 0 and " + Integer.MAX_VALUE + ", was '" + value + "'");
        }
    }
}
