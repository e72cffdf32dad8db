package cn.sc.countyeconomy.reformpilot.rest;

import cn.sc.countyeconomy.api.idempotency.Created;
import cn.sc.countyeconomy.api.idempotency.IdempotentCreate;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.Paged;
import cn.sc.countyeconomy.api.paging.SortFields;
import cn.sc.countyeconomy.api.security.CountyScoped;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.reformpilot.api.NewReport;
import cn.sc.countyeconomy.reformpilot.api.ReportView;
import cn.sc.countyeconomy.reformpilot.security.PilotCounties;
import cn.sc.countyeconomy.reformpilot.service.ReportService;
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

/** The quarterly progress reports of a pilot (one report is read and corrected at /api/v1/reports/{id}). */
@Path("/api/v1/pilots/{id}/reports")
@Tag(name = "Pilots")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PilotReportResource {

    static final SortFields SORT = SortFields.of("period", "period", "id", "id", "submittedOn", "submittedOn");

    @Inject
    ReportService reports;

    @Inject
    IdempotentCreate idempotent;

    @GET
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "listProgressReports", summary = "List the pilot's progress reports", description = "Paged. Sortable fields: period, id, submittedOn.")
    @APIResponse(responseCode = "200", description = "A page of reports with Link and X-Total-Count", content = @Content(schema = @Schema(ref = "ProgressReportPage")))
    public Response reportList(@PathParam("id") long id, @BeanParam PageParams paging, @Context UriInfo uri) {
        return Paged.ok(reports.reports(id, SORT.panache(paging.rawSort()), paging), uri);
    }

    @POST
    @CountyScoped(resource = PilotCounties.class)
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "submitProgressReport", summary = "Submit a progress report for a quarter", description = "One per pilot and quarter (e.g. 2024-Q3), for "
            + "APPROVED, IMPLEMENTING or UNDER_EVALUATION pilots, once the quarter has begun. It is due "
            + "reform-pilot.report-due-days (15) days after the quarter ends; submitted later, it is marked late. "
            + "Idempotency-Key makes a retry safe.")
    @APIResponse(responseCode = "201", description = "Submitted", content = @Content(schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "409", description = "The pilot has a report for this quarter already")
    @APIResponse(responseCode = "422", description = "Validation failed (period format, quarter not begun), or rule pilot-not-reporting, pilot-final")
    public Response submitReport(@PathParam("id") long id, @Valid @NotNull NewReport request,
            @HeaderParam(IdempotentCreate.HEADER) @Parameter(description = "Makes retries of this create safe") String key,
            @Context UriInfo uri) {
        return idempotent.created(key, request, uri, () -> {
            ReportView r = reports.submit(id, request);
            return Created.at("/api/v1/reports/" + r.id(), r).withETag(r.version());
        });
    }
}
