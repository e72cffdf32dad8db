package cn.sc.countyeconomy.registry.rest;

import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.problem.Problem;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.registry.api.ChangeFeedPage;
import cn.sc.countyeconomy.registry.service.ChangeFeed;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The change feed, for services that keep a local copy of the register. */
@Path("/api/v1/changes")
@Tag(name = "Change feed", description = "Every change to counties, prefectures, designations and category assignments, in order")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READER)
public class ChangeFeedResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    @Inject
    ChangeFeed feed;

    @GET
    @Operation(operationId = "listRegistryChanges", summary = "Read the change feed after a sequence", description = "Events with sequence > after, in order, at most `limit` (default 100, max 1000). Sequences are gap-free and strictly "
            + "increasing and become visible in commit order, so a consumer that stores lastSequence and asks again from it misses "
            + "nothing and sees nothing twice. The seed data wrote no events: the feed starts at 0; load the lists first, then follow "
            + "the feed from after=0.")
    @APIResponse(responseCode = "200", description = "A slice of the feed", content = @Content(schema = @Schema(implementation = ChangeFeedPage.class)))
    @APIResponse(responseCode = "400", description = "after or limit malformed or out of range", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public ChangeFeedPage changes(@QueryParam("after") @Parameter(description = "Last sequence already seen; default 0.", example = "0") String after,
            @QueryParam("limit") @Parameter(description = "1 to 1000; default 100.", example = "100") String limit) {
        long a = parse("after", after, 0);
        long l = parse("limit", limit, DEFAULT_LIMIT);
        if (a < 0) {
            throw ApiException.invalidParameter("after", "must be 0 or more, was " + a);
        }
        if (l < 1 || l > MAX_LIMIT) {
            throw ApiException.invalidParameter("limit", "must be between 1 and " + MAX_LIMIT + ", was " + l);
        }
        return feed.page(a, (int) l);
    }

    private static long parse(String name, String value, long dflt) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalidParameter(name, "must be a whole number, was '" + value + "'");
        }
    }
}
