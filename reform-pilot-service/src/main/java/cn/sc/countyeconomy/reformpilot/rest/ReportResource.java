package cn.sc.countyeconomy.reformpilot.rest;

import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.csv.CsvExport;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.request.QueryParams;
import cn.sc.countyeconomy.api.security.CountyScoped;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.reformpilot.api.MissingReport;
import cn.sc.countyeconomy.reformpilot.api.NewReport;
import cn.sc.countyeconomy.reformpilot.api.ReportView;
import cn.sc.countyeconomy.reformpilot.security.ReportCounties;
import cn.sc.countyeconomy.reformpilot.service.MonitoringService;
import cn.sc.countyeconomy.reformpilot.service.ReportService;
import cn.sc.countyeconomy.reformpilot.service.ReportingPeriod;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/reports")
@Tag(name = "Reports and evaluations", description = "Progress reports (and missing ones) and evaluations.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReportResource {

    @Inject
    ReportService reports;

    @Inject
    MonitoringService monitoring;

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "getProgressReport", summary = "Read a progress report", description = "The ETag is for If-Match on PUT.")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(schema = @Schema(implementation = ReportView.class)))
    public Response get(@PathParam("id") long id) {
        ReportView r = reports.report(id);
        return Preconditions.ok(r, r.version()).build();
    }

    @PUT
    @CountyScoped(resource = ReportCounties.class)
    @Path("/{id}")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "correctProgressReport", summary = "Correct a progress report", description = "Requires If-Match. The period cannot change; submittedOn and "
            + "late stay those of the first submission.")
    @APIResponse(responseCode = "200", description = "The corrected report", content = @Content(schema = @Schema(implementation = ReportView.class)))
    public Response correct(@PathParam("id") long id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
            @Valid @NotNull NewReport request) {
        ReportView r = reports.correct(id, ifMatch, request);
        return Preconditions.ok(r, r.version()).build();
    }

    @GET
    @Path("/missing")
    @RolesAllowed(Roles.READER)
    @Produces({MediaType.APPLICATION_JSON, CsvExport.MEDIA_TYPE})
    @Operation(operationId = "listMissingReports", summary = "Missing progress reports", description = "Active pilots (implementation started by the end of the quarter) "
            + "without a report for the quarter. period defaults to the last quarter that has ended; overdue once its due date "
            + "has passed. Filter: programId. Accept: text/csv gives CSV.")
    @APIResponse(responseCode = "200", description = "The missing reports", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = MissingReport.class)),
            @Content(mediaType = CsvExport.MEDIA_TYPE, schema = @Schema(implementation = MissingReport.class))})
    public Response missing(@QueryParam("programId") String programId,
            @QueryParam("period") @Parameter(description = "A quarter such as 2024-Q3", example = "2024-Q3") String period,
            @Context HttpHeaders headers) {
        if (period != null && !ReportingPeriod.isValid(period)) {
            throw ApiException.invalidParameter("period", "must be a quarter such as 2024-Q3, was '" + period + "'");
        }
        List<MissingReport> list = monitoring.missingReports(QueryParams.id("programId", programId),
                period == null ? null : ReportingPeriod.parse(period));
        if (QueryParams.wantsCsv(headers)) {
            return CsvExport.ok(MissingReport.class, list::stream, "missing-reports.csv");
        }
        return Response.ok(list).build();
    }
}
