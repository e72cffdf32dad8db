package cn.sc.countyeconomy.assessment.rest;

import cn.sc.countyeconomy.api.csv.CsvExport;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.PageResult;
import cn.sc.countyeconomy.api.paging.Paged;
import cn.sc.countyeconomy.api.paging.SortFields;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.assessment.IndicatorValue;
import cn.sc.countyeconomy.assessment.mapping.Views.ValueView;
import cn.sc.countyeconomy.assessment.service.DataService;
import cn.sc.countyeconomy.assessment.service.DataService.ImportReport;
import cn.sc.countyeconomy.assessment.service.DataService.ValueInput;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.panache.common.Parameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.*;
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

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Path("/api/v1/data/{year}/values")
@Tag(name = "data", description = "County values, their validation and the workflow")
public class DataResource {

    static final SortFields SORT = SortFields.of("countyCode", "countyCode", "indicatorCode", "indicatorCode", "value", "value");
    static final int MAX_VALUES = 20_000;
    private static final CsvMapper CSV = new CsvMapper();

    @Inject
    DataService data;
    @Context
    UriInfo uri;

    @Schema(name = "ValueBatch")
    public record ValueBatch(List<ValueInput> values) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Submit values in bulk (JSON)", description = "Validates every value (county active in the registry on 31 Dec "
            + "of the year, known indicator, unit, decimal type, range, duplicates, locked workflow state; a year-on-year change "
            + "beyond the indicator's threshold is FLAGGED, not rejected). With dryRun=true only the report is returned. "
            + "Any rejected value refuses the whole batch (422 with the report); nothing is written. A county-scoped token "
            + "may submit only its counties' values (403).")
    @APIResponse(responseCode = "200", description = "The report; values written unless dryRun", content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "422", description = "Some values were rejected; the problem carries violations and the report")
    @APIResponse(responseCode = "503", description = "county-registry-service unavailable; Retry-After; nothing written")
    public ImportReport importJson(@PathParam("year") int year, @QueryParam("dryRun") @Parameter(description = "Validate only") boolean dryRun,
                                   ValueBatch batch) {
        if (batch == null || batch.values() == null) {
            throw ApiException.validation("values", "a list of values is required");
        }
        if (batch.values().size() > MAX_VALUES) {
            throw ApiException.validation("values", "at most " + MAX_VALUES + " values per request");
        }
        return data.importValues(year, batch.values(), dryRun, false);
    }

    @POST
    @Consumes({"text/csv"})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Submit values in bulk (CSV)", description = "UTF-8 CSV with a header row: countyCode,indicatorCode,value[,unit][,source]. "
            + "Read as a stream, row by row. Same validation and answers as the JSON form; the index in the report is the data row, from 0.")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(schema = @Schema(implementation = ImportReport.class)))
    public ImportReport importCsv(@PathParam("year") int year, @QueryParam("dryRun") boolean dryRun, InputStream body) {
        List<ValueInput> values = new ArrayList<>();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> it = CSV.readerFor(Map.class).with(schema)
                .readValues(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            while (it.hasNext()) {
                Map<String, String> row = it.next();
                if (!row.containsKey("countyCode") || !row.containsKey("indicatorCode") || !row.containsKey("value")) {
                    throw ApiException.validation("header", "the CSV header must name countyCode, indicatorCode and value");
                }
                values.add(new ValueInput(trim(row.get("countyCode")), trim(row.get("indicatorCode")), row.get("value"),
                        trim(row.get("unit")), trim(row.get("source"))));
                if (values.size() > MAX_VALUES) {
                    throw ApiException.validation("values", "at most " + MAX_VALUES + " rows per request");
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException a) throw a;
            throw ApiException.badRequest("The CSV cannot be read at row " + (values.size() + 1) + ": it must be UTF-8 with a header row");
        }
        return data.importValues(year, values, dryRun, false);
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvExport.MEDIA_TYPE})
    @RolesAllowed(Roles.READER)
    @Operation(summary = "Read stored values", description = "Paged; filters county and indicator; sortable: countyCode, indicatorCode, value. "
            + "Accept: text/csv streams all matching values as CSV.")
    @APIResponse(responseCode = "200", description = "A page of values, or CSV")
    public Response list(@PathParam("year") int year, @BeanParam PageParams page, @QueryParam("county") String county,
                         @QueryParam("indicator") String indicator, @Context HttpHeaders headers) {
        StringBuilder q = new StringBuilder("year = :y");
        Parameters p = Parameters.with("y", year);
        if (county != null) { q.append(" and countyCode = :c"); p.and("c", county); }
        if (indicator != null) { q.append(" and indicatorCode = :i"); p.and("i", indicator); }
        var sort = SORT.panache(page.rawSort()).and("indicatorCode");
        if (headers.getAcceptableMediaTypes().stream().anyMatch(m -> m.isCompatible(MediaType.valueOf(CsvExport.MEDIA_TYPE)) && !m.isWildcardType())) {
            return CsvExport.ok(ValueView.class, () -> IndicatorValue.<IndicatorValue>find(q.toString(), sort, p).stream().map(ValueView::of),
                    "values-" + year + ".csv");
        }
        return Paged.ok(PageResult.of(IndicatorValue.<IndicatorValue>find(q.toString(), sort, p), page, ValueView::of), uri);
    }
}
