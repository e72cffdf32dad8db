package cn.sc.countyeconomy.assistance.rest;

import cn.sc.countyeconomy.api.csv.CsvExport;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.request.QueryParams;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.assistance.api.CountyAssistance;
import cn.sc.countyeconomy.assistance.api.Coverage;
import cn.sc.countyeconomy.assistance.api.Effectiveness;
import cn.sc.countyeconomy.assistance.api.FundMatrixRow;
import cn.sc.countyeconomy.assistance.api.FundSummaryRow;
import cn.sc.countyeconomy.assistance.service.EffectivenessService;
import cn.sc.countyeconomy.assistance.service.FundDimension;
import cn.sc.countyeconomy.assistance.service.ReportService;
import cn.sc.countyeconomy.assistance.service.ReportService.GroupBy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;

@Path("/api/v1")
@Tag(name = "reports", description = "County assistance page, fund summaries, coverage checks, effectiveness")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READER)
public class ReportResource {

    @Inject
    ReportService reports;
    @Inject
    EffectivenessService effectiveness;

    @GET
    @Path("/counties/{code}/assistance")
    @Operation(operationId = "getCountyAssistance", summary = "A county's assistance in a year", description = "Funds committed, disbursed and spent (transactions dated in the year) "
            + "by force and by lead organisation; projects whose planned period overlaps the year, by status and by term; people trained against "
            + "the 500 target; cadres trained (exchanges starting in the year); tasks overdue as of today; which of the five forces have a pairing "
            + "in force during the year. Served from this service's data only.")
    @APIResponse(responseCode = "200", description = "The county page", content = @Content(schema = @Schema(implementation = CountyAssistance.class)))
    public CountyAssistance county(@PathParam("code") String code, @QueryParam("year") String year) {
        return reports.county(QueryParams.countyCode("code", code), QueryParams.year("year", year, true, 2000, 2100));
    }

    @GET
    @Path("/counties/{code}/effectiveness")
    @Operation(operationId = "getCountyEffectiveness", summary = "The unified effectiveness score of a county's assistance in a year", description = EffectivenessService.METHOD)
    @APIResponse(responseCode = "200", description = "Score 0-100 with its components", content = @Content(schema = @Schema(implementation = Effectiveness.class)))
    public Effectiveness effectiveness(@PathParam("code") String code, @QueryParam("year") String year) {
        String county = QueryParams.countyCode("code", code);
        int y = QueryParams.year("year", year, true, 2000, 2100);
        return effectiveness.compute(county, y, effectiveness.applicability(county, y));
    }

    @GET
    @Path("/summaries/fund-matrix")
    @Produces({MediaType.APPLICATION_JSON, CsvExport.MEDIA_TYPE})
    @Operation(operationId = "getFundMatrix", summary = "Funds committed, disbursed and spent, grouped by two dimensions over a date range", description = "rows and columns: two different of county, prefecture, force, provider (the transaction's provider organisation; "
            + "force is the provider's, the project's when the transaction names no recorded organisation), year, quarter (of the "
            + "transaction date), term, sector. from, to: the transaction dates, both inclusive, either optional. Filters: countyCode, "
            + "leadOrganisationId. One row per (row, column) pair that has transactions, ordered by the row key then the column key. "
            + "Accept: text/csv gives the same rows as CSV (UTF-8).")
    @APIResponse(responseCode = "200", description = "One row per pair of groups", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = FundMatrixRow.class)),
            @Content(mediaType = CsvExport.MEDIA_TYPE)})
    public Response fundMatrix(@QueryParam("rows") String rowsParam, @QueryParam("columns") String columnsParam,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("countyCode") String county,
            @QueryParam("leadOrganisationId") String lead, @HeaderParam("Accept") String accept) {
        FundDimension rows = dimension("rows", rowsParam);
        FundDimension columns = dimension("columns", columnsParam);
        List<FundMatrixRow> matrix = reports.matrix(rows, columns, QueryParams.date("from", from, null), QueryParams.date("to", to, null),
                QueryParams.countyCode("countyCode", county), QueryParams.id("leadOrganisationId", lead));
        if (accept != null && accept.contains(CsvExport.MEDIA_TYPE)) {
            return CsvExport.ok(FundMatrixRow.class, matrix::stream, "funds-by-" + rows + "-and-" + columns + ".csv");
        }
        return Response.ok(matrix, MediaType.APPLICATION_JSON).build();
    }

    private static FundDimension dimension(String name, String value) {
        if (value == null) {
            throw ApiException.invalidParameter(name, "is required: one of " + Arrays.toString(FundDimension.values()));
        }
        return QueryParams.enumValue(FundDimension.class, name, value);
    }

    @GET
    @Path("/summaries/funds")
    @Produces({MediaType.APPLICATION_JSON, CsvExport.MEDIA_TYPE})
    @Operation(operationId = "listFundSummaries", summary = "Funds committed, disbursed and spent, grouped", description = "groupBy: county, force, organisation (the project's lead), "
            + "year, quarter or month (of the transaction date). Filters: year, countyCode, forceCode, organisationId. "
            + "Accept: text/csv gives the same rows as CSV (UTF-8).")
    @APIResponse(responseCode = "200", description = "One row per group, ordered by key", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = FundSummaryRow.class)),
            @Content(mediaType = CsvExport.MEDIA_TYPE)})
    public Response funds(@QueryParam("groupBy") String groupByParam, @QueryParam("year") String year,
            @QueryParam("countyCode") String county, @QueryParam("forceCode") String force,
            @QueryParam("organisationId") String org, @HeaderParam("Accept") String accept) {
        GroupBy groupBy;
        try {
            groupBy = GroupBy.valueOf(groupByParam == null ? "" : groupByParam);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter("groupBy", "must be one of " + Arrays.toString(GroupBy.values()) + ", was '" + groupByParam + "'");
        }
        Integer y = QueryParams.year("year", year, false, 2000, 2100);
        List<FundSummaryRow> rows = reports.summary(groupBy, y, QueryParams.countyCode("countyCode", county), force,
                QueryParams.id("organisationId", org));
        if (accept != null && accept.contains(CsvExport.MEDIA_TYPE)) {
            return CsvExport.ok(FundSummaryRow.class, rows::stream, "funds-by-" + groupBy + ".csv");
        }
        return Response.ok(rows, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/coverage")
    @Operation(operationId = "getAssistanceCoverage", summary = "Coverage checks against the plan's targets", description = "Counties missing a force; SOEs without a signed (or in force) "
            + "agreement; provincial departments with fewer than one key project starting in the year in a county they help; counties below 500 "
            + "people trained; the province's cadres against 100. The counties are those county-registry-service designates UNDERDEVELOPED_COUNTY on asOf, "
            + "read from this service's local copy of the registry facts (countiesSource registry-copy; it answers while the registry is down); "
            + "the answer is 503 only before the copy was ever loaded.")
    @APIResponse(responseCode = "200", description = "The checks", content = @Content(schema = @Schema(implementation = Coverage.class)))
    @APIResponse(responseCode = "503", description = "The local copy of the registry facts was never loaded (the registry has not been reached since this service's database was set up)", headers = @Header(name = "Retry-After", description = "Seconds to wait"))
    public Coverage coverage(@QueryParam("year") String year) {
        return reports.coverage(QueryParams.year("year", year, true, 2000, 2100));
    }
}
