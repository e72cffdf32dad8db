package cn.sc.countyeconomy.api.concurrency;

import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.problem.ProblemType;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

/**
 * Optimistic concurrency over HTTP. A resource's ETag is its {@code version}; updates and deletes
 * must send it back in If-Match (428 without it, 412 when it is not the current one). The version
 * check in the database (JPA {@code @Version}) closes the window between this check and the
 * commit, so two racing writers cannot both win.
 */
public final class Preconditions {

    public static final String IF_MATCH = "If-Match";

    private Preconditions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    public static Response.ResponseBuilder ok(Object body, long version) {
        return Response.ok(body).tag(etag(version));
    }

    /** The version a valid If-Match names, checked against the current version. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(428, ProblemType.PRECONDITION_REQUIRED,
                    "This operation requires an If-Match header with the resource's current ETag (\"" + currentVersion + "\" now)");
        }
        for (String candidate : ifMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*")) {
                return;
            }
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) {
                c = c.substring(1, c.length() - 1);
            }
            if (c.equals(Long.toString(currentVersion))) {
                return;
            }
        }
        throw new ApiException(412, ProblemType.PRECONDITION_FAILED,
                "If-Match " + ifMatch + " does not match the current ETag \"" + currentVersion
                        + "\"; the resource was changed since you read it")
                .with("currentETag", "\"" + currentVersion + "\"");
    }
}
