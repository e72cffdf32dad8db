package cn.sc.countyeconomy.assessment.rest;

import cn.sc.countyeconomy.api.csv.CsvExport;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.Paged;
import cn.sc.countyeconomy.api.security.CountyScoped;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.assessment.api.ImportReport;
import cn.sc.countyeconomy.assessment.api.ValueBatch;
import cn.sc.countyeconomy.assessment.api.ValueView;
import cn.sc.countyeconomy.assessment.service.DataService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;

@Path("/api/v1/data/{year}/values")
@Tag(name = "data", description = "County values, their validation and the workflow")
public class DataResource {

    @Inject
    DataService data;
    @Context
    UriInfo uri;

    @POST
    @CountyScoped(body = "values.countyCode")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "importIndicatorValues", summary = "Submit values in bulk (JSON)", description = "Validates every value (county active in the registry on 31 Dec "
            + "of the year, known indicator, unit, decimal type, range, duplicates, locked workflow state; a year-on-year change "
            + "beyond the indicator's threshold is FLAGGED, not rejected). With dryRun=true only the report is returned. "
            + "Any rejected value refuses the whole batch (422 with the report); nothing is written. A county-scoped token "
            + "may submit only its counties' values (403). At most " + DataService.MAX_VALUES + " values per request (the CSV form takes more).")
    @APIResponse(responseCode = "200", description = "The report; values written unless dryRun", content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "422", description = "Some values were rejected; the problem carries violations and the report")
    @APIResponse(responseCode = "503", description = "county-registry-service unavailable; Retry-After; nothing written")
    public ImportReport importJson(@PathParam("year") int year, @QueryParam("dryRun") @Parameter(description = "Validate only") boolean dryRun,
            ValueBatch batch) {
        return data.importBatch(year, batch, dryRun);
    }

    @POST
    @CountyScoped(content = "countyCode")
    @Consumes({"text/csv"})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "importIndicatorValues", summary = "Submit values in bulk (CSV)", description = "UTF-8 CSV with a header row: countyCode,indicatorCode,value[,unit][,source]. "
            + "Read as a stream, row by row. Same validation and answers as the JSON form; the index in the report is the data row, from 0. "
            + "At most " + DataService.MAX_CSV_VALUES + " rows per request (a national year of 2,978 counties x 27 indicators fits); "
            + "the accepted values are written with PostgreSQL's COPY and merged in the import's transaction.")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(schema = @Schema(implementation = ImportReport.class)))
    public ImportReport importCsv(@PathParam("year") int year, @QueryParam("dryRun") boolean dryRun, InputStream body) {
        return data.importCsv(year, body, dryRun);
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvExport.MEDIA_TYPE})
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "listIndicatorValues", summary = "Read stored values", description = "Paged; filters county and indicator; sortable: countyCode, indicatorCode, value. "
            + "Accept: text/csv streams all matching values as CSV.")
    @APIResponse(responseCode = "200", description = "A page of values, or CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "IndicatorValuePage")), @Content(mediaType = CsvExport.MEDIA_TYPE)})
    public Response list(@PathParam("year") int year, @BeanParam PageParams page, @QueryParam("county") String county,
            @QueryParam("indicator") String indicator, @Context HttpHeaders headers) {
        if (headers.getAcceptableMediaTypes().stream().anyMatch(m -> m.isCompatible(MediaType.valueOf(CsvExport.MEDIA_TYPE)) && !m.isWildcardType())) {
            return CsvExport.ok(ValueView.class, () -> data.valueRows(year, county, indicator, page), "values-" + year + ".csv");
        }
        return Paged.ok(data.values(year, county, indicator, page), uri);
    }
}
