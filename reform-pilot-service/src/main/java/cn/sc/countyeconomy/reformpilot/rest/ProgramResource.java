package cn.sc.countyeconomy.reformpilot.rest;

import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.idempotency.Created;
import cn.sc.countyeconomy.api.idempotency.IdempotentCreate;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.Paged;
import cn.sc.countyeconomy.api.paging.SortFields;
import cn.sc.countyeconomy.api.security.ProvinceWide;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.reformpilot.api.DashboardView;
import cn.sc.countyeconomy.reformpilot.api.NewProgram;
import cn.sc.countyeconomy.reformpilot.api.ProgramPage;
import cn.sc.countyeconomy.reformpilot.api.ProgramView;
import cn.sc.countyeconomy.reformpilot.service.MonitoringService;
import cn.sc.countyeconomy.reformpilot.service.ProgramService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
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

@Path("/api/v1/programs")
@Tag(name = "Programs", description = "Reform pilot programmes, their batches and reform areas, and their dashboards.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProgramResource {

    static final SortFields SORT = SortFields.of("id", "id", "code", "code", "launchDate", "launchDate", "deadline", "deadline");

    @Inject
    ProgramService programs;

    @Inject
    MonitoringService monitoring;

    @Inject
    IdempotentCreate idempotent;

    @GET
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "listPrograms", summary = "List programmes", description = "Paged. Sortable fields: id, code, launchDate, deadline.")
    @APIResponse(responseCode = "200", description = "A page of programmes, with Link and X-Total-Count headers", content = @Content(schema = @Schema(implementation = ProgramPage.class)))
    public Response list(@BeanParam PageParams paging, @Context UriInfo uri) {
        return Paged.ok(programs.list(SORT.panache(paging.rawSort()), paging), uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "getProgram", summary = "Read a programme", description = "The ETag header carries its version, for If-Match on PUT.")
    @APIResponse(responseCode = "200", description = "The programme", content = @Content(schema = @Schema(implementation = ProgramView.class)))
    public Response get(@PathParam("id") long id) {
        ProgramView p = programs.get(id);
        return Preconditions.ok(p, p.version()).build();
    }

    @POST
    @ProvinceWide("create programmes")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createProgram", summary = "Create a programme", description = "Admin only (programmes are reference data). "
            + "Idempotency-Key makes a retry safe. Reform areas must be codes of /api/v1/reform-areas.")
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(schema = @Schema(implementation = ProgramView.class)))
    @APIResponse(responseCode = "409", description = "A programme with this code exists")
    @APIResponse(responseCode = "422", description = "Invalid body (unknown reform area, duplicate batch, deadline before launch), or the Idempotency-Key was used with another body")
    public Response create(@Valid @NotNull NewProgram request,
            @HeaderParam(IdempotentCreate.HEADER) @Parameter(description = "Makes retries of this create safe") String key,
            @Context UriInfo uri) {
        return idempotent.created(key, request, uri, () -> {
            ProgramView p = programs.create(request);
            return Created.at("/api/v1/programs/" + p.id(), p).withETag(p.version());
        });
    }

    @PUT
    @ProvinceWide("change programmes")
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateProgram", summary = "Replace a programme", description = "Admin only. Requires If-Match with the current ETag. "
            + "A batch that has pilots cannot be removed.")
    @APIResponse(responseCode = "200", description = "The updated programme", content = @Content(schema = @Schema(implementation = ProgramView.class)))
    public Response update(@PathParam("id") long id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
            @Valid @NotNull NewProgram request) {
        ProgramView p = programs.update(id, ifMatch, request);
        return Preconditions.ok(p, p.version()).build();
    }

    @GET
    @Path("/{id}/dashboard")
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "getProgramDashboard", summary = "Dashboard of a programme", description = "Pilots by status; milestones done, due (within "
            + "reform-pilot.milestone-due-window-days, 30 by default) and overdue; days to the deadline; active pilots "
            + "at risk, OVERDUE (deadline passed, not accepted) and NO_DATA (no milestones) first; projectedFinish is the later of the "
            + "pace estimate (today + ceil(remaining x daysElapsed / done)) and the critical path over the milestones' planned dates; "
            + "reports missing for the last quarter that has ended.")
    @APIResponse(responseCode = "200", description = "The dashboard", content = @Content(schema = @Schema(implementation = DashboardView.class)))
    public DashboardView dashboard(@PathParam("id") long id) {
        return monitoring.dashboard(id);
    }
}
