package cn.sc.countyeconomy.reformpilot.rest;

import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.csv.CsvExport;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.PageResult;
import cn.sc.countyeconomy.api.paging.Paged;
import cn.sc.countyeconomy.api.paging.SortFields;
import cn.sc.countyeconomy.api.request.QueryParams;
import cn.sc.countyeconomy.api.security.CountyScoped;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.reformpilot.api.MilestoneView;
import cn.sc.countyeconomy.reformpilot.api.NewMilestone;
import cn.sc.countyeconomy.reformpilot.api.OverdueMilestone;
import cn.sc.countyeconomy.reformpilot.security.MilestoneCounties;
import cn.sc.countyeconomy.reformpilot.service.MonitoringService;
import cn.sc.countyeconomy.reformpilot.service.TaskService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Comparator;
import java.util.List;

@Path("/api/v1/milestones")
@Tag(name = "Milestones", description = "Milestones of pilots' leading tasks, and the overdue list.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MilestoneResource {

    static final SortFields OVERDUE_SORT = SortFields.of("plannedDate", "plannedDate", "milestoneId", "milestoneId",
            "daysOverdue", "daysOverdue", "countyCode", "countyCode");

    @Inject
    TaskService tasks;

    @Inject
    MonitoringService monitoring;

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "getMilestone", summary = "Read a milestone", description = "The ETag is for If-Match on PUT and DELETE.")
    @APIResponse(responseCode = "200", description = "The milestone", content = @Content(schema = @Schema(implementation = MilestoneView.class)))
    public Response get(@PathParam("id") long id) {
        MilestoneView m = tasks.milestone(id);
        return Preconditions.ok(m, m.version()).build();
    }

    @PUT
    @CountyScoped(resource = MilestoneCounties.class)
    @Path("/{id}")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "updateMilestone", summary = "Change a milestone", description = "Replaces it, dependencies included. Requires If-Match. Refused with 422: "
            + "a dependency cycle (rule dependency-cycle; 'cycle' lists the path of ids), DONE before its dependencies are DONE "
            + "(dependency-not-done) or before their actual dates (done-before-dependency), reopening a milestone whose "
            + "dependents are DONE (dependents-done).")
    @APIResponse(responseCode = "200", description = "The changed milestone", content = @Content(schema = @Schema(implementation = MilestoneView.class)))
    public Response update(@PathParam("id") long id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
            @Valid @NotNull NewMilestone request) {
        MilestoneView m = tasks.updateMilestone(id, ifMatch, request);
        return Preconditions.ok(m, m.version()).build();
    }

    @DELETE
    @CountyScoped(resource = MilestoneCounties.class)
    @Path("/{id}")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "deleteMilestone", summary = "Delete a milestone", description = "Requires If-Match. 409 while other milestones depend on it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") long id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
        tasks.deleteMilestone(id, ifMatch);
        return Response.noContent().build();
    }

    @GET
    @Path("/overdue")
    @RolesAllowed(Roles.READER)
    @Produces({MediaType.APPLICATION_JSON, CsvExport.MEDIA_TYPE})
    @Operation(operationId = "listOverdueMilestones", summary = "Overdue milestones", description = "Milestones not DONE whose planned date is before today, of active pilots "
            + "(APPROVED, IMPLEMENTING, UNDER_EVALUATION). Filters: programId, countyCode, areaCode (the leading task's reform area). "
            + "Sortable fields: plannedDate, milestoneId, daysOverdue, countyCode. Accept: text/csv gives CSV.")
    @APIResponse(responseCode = "200", description = "A page of overdue milestones or CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OverdueMilestonePage")),
            @Content(mediaType = CsvExport.MEDIA_TYPE, schema = @Schema(implementation = OverdueMilestone.class))})
    public Response overdue(@QueryParam("programId") String programId, @QueryParam("countyCode") String countyCode,
            @QueryParam("areaCode") String areaCode,
            @BeanParam PageParams paging, @Context UriInfo uri, @Context HttpHeaders headers) {
        Comparator<OverdueMilestone> order = OVERDUE_SORT.comparator(paging.rawSort(), (m, f) -> switch (f) {
            case "milestoneId" -> m.milestoneId();
            case "daysOverdue" -> m.daysOverdue();
            case "countyCode" -> m.countyCode();
            default -> m.plannedDate();
        });
        List<OverdueMilestone> list = monitoring.overdueMilestones(QueryParams.id("programId", programId),
                QueryParams.countyCode("countyCode", countyCode), areaCode == null || areaCode.isBlank() ? null : areaCode.trim(), order);
        if (QueryParams.wantsCsv(headers)) {
            return CsvExport.ok(OverdueMilestone.class, list::stream, "overdue-milestones.csv");
        }
        return Paged.ok(PageResult.ofList(list, paging), uri);
    }
}
