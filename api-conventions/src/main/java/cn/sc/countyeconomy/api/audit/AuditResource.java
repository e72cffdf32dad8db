package cn.sc.countyeconomy.api.audit;

import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.Paged;
import cn.sc.countyeconomy.api.query.Filter;
import cn.sc.countyeconomy.api.request.QueryParams;
import cn.sc.countyeconomy.api.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/audit")
@Tag(name = "Audit", description = "The trail of every successful write. Read-only: records cannot be changed or deleted.")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditTrail trail;

    @GET
    @Operation(operationId = "listAuditEntries", summary = "List audit records", description = "Admin only. Newest first unless sorted otherwise. "
            + "Sortable fields: id, occurredAt, actor, resourceType.")
    @APIResponse(responseCode = "200", description = "A page of AuditEntry", content = @Content(schema = @Schema(ref = "AuditEntryPage")))
    public Response list(@QueryParam("resourceType") @Parameter(description = "e.g. County") String resourceType,
            @QueryParam("resourceId") String resourceId,
            @QueryParam("actor") @Parameter(description = "Token subject of the writer") String actor,
            @QueryParam("action") String action,
            @QueryParam("from") @Parameter(description = "Earliest time, inclusive (ISO-8601 UTC)", example = "2026-01-01T00:00:00Z") String from,
            @QueryParam("to") @Parameter(description = "Latest time, exclusive (ISO-8601 UTC)") String to,
            @BeanParam PageParams paging,
            @Context UriInfo uri) {
        Filter filter = Filter.where()
                .eq("resourceType", resourceType)
                .eq("resourceId", resourceId)
                .eq("actor", actor)
                .eq("action", action)
                .atLeast("occurredAt", QueryParams.instant("from", from))
                .before("occurredAt", QueryParams.instant("to", to));
        return Paged.ok(trail.page(filter, paging), uri);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getAuditEntry", summary = "Read one audit record")
    public AuditEntry get(@PathParam("id") String id) {
        return trail.entry(QueryParams.requiredId("id", id));
    }
}
