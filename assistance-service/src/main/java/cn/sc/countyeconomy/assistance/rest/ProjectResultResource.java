package cn.sc.countyeconomy.assistance.rest;

import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.idempotency.Created;
import cn.sc.countyeconomy.api.idempotency.IdempotentCreate;
import cn.sc.countyeconomy.api.security.CountyScoped;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.assistance.api.IndicatorView;
import cn.sc.countyeconomy.assistance.api.NewIndicator;
import cn.sc.countyeconomy.assistance.security.ProjectCounties;
import cn.sc.countyeconomy.assistance.service.ProjectService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** A project's result indicators (IATI result/indicator), under /api/v1/projects/{id}/results. */
@Path("/api/v1/projects/{id}/results")
@Tag(name = "projects", description = "Assistance projects (IATI activities), their status pipeline, results and fund transactions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProjectResultResource {

    @Inject
    ProjectService service;
    @Inject
    IdempotentCreate idempotent;

    @POST
    @CountyScoped(resource = ProjectCounties.class)
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "createProjectResult", summary = "Add a result indicator", description = "Baseline and target/actual per period (IATI result/indicator).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = IndicatorView.class)))
    public Response addResult(@PathParam("id") long id, @HeaderParam(IdempotentCreate.HEADER) String key,
            @Valid @NotNull NewIndicator body, @Context UriInfo uri) {
        return idempotent.created(key, body, uri, () -> {
            IndicatorView v = service.addIndicator(id, body);
            return Created.at("/api/v1/projects/" + id + "/results/" + v.id(), v);
        });
    }

    @PUT
    @CountyScoped(resource = ProjectCounties.class)
    @Path("/{indicatorId}")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "updateProjectResult", summary = "Replace a result indicator", description = "Title, unit, baseline and the periods with target and actual, "
            + "typically to record actuals as they come in. Needs If-Match with the indicator's ETag (its version).")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = IndicatorView.class)))
    @APIResponse(responseCode = "412", description = "The ETag is not the current one")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response updateResult(@PathParam("id") long id, @PathParam("indicatorId") long indicatorId,
            @HeaderParam(Preconditions.IF_MATCH) String ifMatch, @Valid @NotNull NewIndicator body) {
        IndicatorView v = service.updateIndicator(id, indicatorId, ifMatch, body);
        return Preconditions.ok(v, v.version()).build();
    }

    @GET
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "listProjectResults", summary = "A project's result indicators")
    @APIResponse(responseCode = "200", description = "Indicators with their periods")
    public List<IndicatorView> results(@PathParam("id") long id) {
        return service.results(id);
    }
}
