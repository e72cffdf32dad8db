package cn.sc.countyeconomy.api.idempotency;

import cn.sc.countyeconomy.api.concurrency.Preconditions;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * What a create answers: 201 with the new resource's {@code Location} (absolute, from the
 * application's base URI), its representation, and its {@code ETag} when it has a version. Built
 * by the resource, turned into the answer by {@link IdempotentCreate#created}, which also replays
 * it for a repeated Idempotency-Key.
 *
 * @param path    the new resource's path from the base, e.g. {@code /api/v1/pilots/12}
 * @param body    its representation (a view record)
 * @param version its version for the ETag, or null when it has none
 */
public record Created(String path, Object body, Long version) {

    /** The resource at {@code path}, without an ETag. */
    public static Created at(String path, Object body) {
        return new Created(path, body, null);
    }

    /** The same, with {@code version} as its ETag. */
    public Created withETag(long version) {
        return new Created(path, body, version);
    }

    public Response toResponse(UriInfo uri) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        Response.ResponseBuilder b = Response.created(uri.getBaseUriBuilder().path(relative).build()).entity(body);
        if (version != null) {
            b.tag(Preconditions.etag(version));
        }
        return b.build();
    }
}
