package cn.sc.countyeconomy.reformpilot.rest;

import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.idempotency.Created;
import cn.sc.countyeconomy.api.idempotency.IdempotentCreate;
import cn.sc.countyeconomy.api.security.CountyScoped;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.reformpilot.api.LeadingTaskView;
import cn.sc.countyeconomy.reformpilot.api.NewLeadingTask;
import cn.sc.countyeconomy.reformpilot.security.PilotCounties;
import cn.sc.countyeconomy.reformpilot.service.TaskService;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The leading reform task of a pilot: one per pilot. */
@Path("/api/v1/pilots/{id}/leading-task")
@Tag(name = "Pilots")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PilotLeadingTaskResource {

    @Inject
    TaskService tasks;

    @Inject
    IdempotentCreate idempotent;

    @GET
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "getLeadingTask", summary = "Read the pilot's leading reform task", description = "404 while none is recorded. The ETag is for If-Match on PUT.")
    @APIResponse(responseCode = "200", description = "The leading task", content = @Content(schema = @Schema(implementation = LeadingTaskView.class)))
    public Response task(@PathParam("id") long id) {
        LeadingTaskView t = tasks.task(id);
        return Preconditions.ok(t, t.version()).build();
    }

    @POST
    @CountyScoped(resource = PilotCounties.class)
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "createLeadingTask", summary = "Record the pilot's leading reform task", description = "One per pilot. The reform area (and those of the "
            + "supporting measures) must be areas of the pilot's programme. Not for pilots in a final status. Idempotency-Key makes a retry safe.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = LeadingTaskView.class)))
    @APIResponse(responseCode = "409", description = "The pilot has a leading task already")
    @APIResponse(responseCode = "422", description = "Validation failed (e.g. area not of the programme), or rule pilot-final")
    public Response createTask(@PathParam("id") long id, @Valid @NotNull NewLeadingTask request,
            @HeaderParam(IdempotentCreate.HEADER) @Parameter(description = "Makes retries of this create safe") String key,
            @Context UriInfo uri) {
        return idempotent.created(key, request, uri, () -> {
            LeadingTaskView t = tasks.createTask(id, request);
            return Created.at("/api/v1/pilots/" + id + "/leading-task", t).withETag(t.version());
        });
    }

    @PUT
    @CountyScoped(resource = PilotCounties.class)
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "updateLeadingTask", summary = "Change the pilot's leading reform task", description = "Requires If-Match with the task's current ETag.")
    @APIResponse(responseCode = "200", description = "The changed task", content = @Content(schema = @Schema(implementation = LeadingTaskView.class)))
    public Response updateTask(@PathParam("id") long id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
            @Valid @NotNull NewLeadingTask request) {
        LeadingTaskView t = tasks.updateTask(id, ifMatch, request);
        return Preconditions.ok(t, t.version()).build();
    }
}
