package cn.sc.countyeconomy.reformpilot.rest;

import cn.sc.countyeconomy.api.idempotency.Created;
import cn.sc.countyeconomy.api.idempotency.IdempotentCreate;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.Paged;
import cn.sc.countyeconomy.api.paging.SortFields;
import cn.sc.countyeconomy.api.security.CountyScoped;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.reformpilot.api.MilestoneView;
import cn.sc.countyeconomy.reformpilot.api.NewMilestone;
import cn.sc.countyeconomy.reformpilot.security.PilotCounties;
import cn.sc.countyeconomy.reformpilot.service.TaskService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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

/** The milestones of a pilot's leading task (one milestone is read and changed at /api/v1/milestones/{id}). */
@Path("/api/v1/pilots/{id}/milestones")
@Tag(name = "Pilots")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PilotMilestoneResource {

    static final SortFields SORT = SortFields.of("plannedDate", "plannedDate", "id", "id", "status", "status");

    @Inject
    TaskService tasks;

    @Inject
    IdempotentCreate idempotent;

    @GET
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "listPilotMilestones", summary = "List the pilot's milestones", description = "Paged. Sortable fields: plannedDate, id, status.")
    @APIResponse(responseCode = "200", description = "A page of milestones with Link and X-Total-Count", content = @Content(schema = @Schema(ref = "MilestonePage")))
    public Response milestones(@PathParam("id") long id, @BeanParam PageParams paging, @Context UriInfo uri) {
        return Paged.ok(tasks.milestones(id, SORT.panache(paging.rawSort()), paging), uri);
    }

    @POST
    @CountyScoped(resource = PilotCounties.class)
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "createPilotMilestone", summary = "Add a milestone to the pilot's leading task", description = "Dependencies must be milestones of the same "
            + "pilot. A DONE milestone needs an actualDate (not in the future) and all its dependencies DONE, on or before that date. "
            + "Idempotency-Key makes a retry safe.")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = MilestoneView.class)))
    @APIResponse(responseCode = "422", description = "Validation failed, or rule leading-task-required, dependency-other-pilot, "
            + "dependency-not-done (blockedBy lists them), done-before-dependency, pilot-final")
    public Response createMilestone(@PathParam("id") long id, @Valid @NotNull NewMilestone request,
            @HeaderParam(IdempotentCreate.HEADER) @Parameter(description = "Makes retries of this create safe") String key,
            @Context UriInfo uri) {
        return idempotent.created(key, request, uri, () -> {
            MilestoneView m = tasks.createMilestone(id, request);
            return Created.at("/api/v1/milestones/" + m.id(), m).withETag(m.version());
        });
    }
}
