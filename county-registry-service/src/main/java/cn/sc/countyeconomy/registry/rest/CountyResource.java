package cn.sc.countyeconomy.registry.rest;

import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.csv.CsvExport;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.PageResult;
import cn.sc.countyeconomy.api.paging.Paged;
import cn.sc.countyeconomy.api.problem.Problem;
import cn.sc.countyeconomy.api.request.QueryParams;
import cn.sc.countyeconomy.api.security.CountyScoped;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.registry.api.CountyHistory;
import cn.sc.countyeconomy.registry.api.CountyRow;
import cn.sc.countyeconomy.registry.api.CountyUpdate;
import cn.sc.countyeconomy.registry.api.CountyView;
import cn.sc.countyeconomy.registry.service.CategoryService;
import cn.sc.countyeconomy.registry.service.CorrectionService;
import cn.sc.countyeconomy.registry.service.CountyReads;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
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
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** County-level divisions as of any date. */
@Path("/api/v1/counties")
@Tag(name = "Counties", description = "County-level divisions (districts, county-level cities, counties, autonomous counties) as of any date")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READER)
public class CountyResource {

    @Inject
    CountyReads reads;
    @Inject
    CategoryService categories;
    @Inject
    CorrectionService corrections;
    @Inject
    Clock clock;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvExport.MEDIA_TYPE})
    @Operation(operationId = "listCounties", summary = "List the counties valid on a date", description = "Filtered by prefecture, region, province, type, category (for a year), designation and name (Chinese or pinyin, partial). "
            + "Paged (`page` from 0, `size` up to 500) with RFC 8288 Link headers and X-Total-Count. Sortable fields: code, name, nameEn, type, "
            + "prefectureCode, validFrom. Send `Accept: text/csv` for the same filtered, sorted list as CSV (UTF-8, header row, all rows, "
            + "no paging); JSON otherwise (also for `*/*`). CSV columns, in this order (new columns are only ever appended): "
            + CountyRow.HEADER + ".")
    @APIResponse(responseCode = "200", description = "A page of counties, or CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CountyPage")), @Content(mediaType = CsvExport.MEDIA_TYPE)})
    @APIResponse(responseCode = "400", description = "A parameter is malformed, size is above 500, or sort names an unknown field", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response list(@BeanParam CountyListParams f, @BeanParam PageParams paging, @Context UriInfo uri, @Context HttpHeaders headers) {
        LocalDate date = f.date(clock);
        List<CountyView> sorted = reads.list(date, f.filter(), paging.rawSort());
        if (QueryParams.wantsCsv(headers)) {
            return CsvExport.ok(CountyRow.class, () -> sorted.stream().map(CountyRow::of), "counties-" + date + ".csv");
        }
        return Paged.ok(PageResult.ofList(sorted, paging), uri);
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getCounty", summary = "Read a county-level division as it was on a date", description = "status is relative to asOf: ACTIVE (a version is valid on asOf; its fields are shown), RETIRED (the code existed before "
            + "asOf but not on it: its last version, successors and the change that retired it), NOT_YET_VALID (the code only exists "
            + "after asOf: its first version). 404 only for a code that never existed. The ETag is the shown version's `version`.")
    @APIResponse(responseCode = "200", description = "The county, with an ETag", content = @Content(schema = @Schema(implementation = CountyView.class)))
    @APIResponse(responseCode = "404", description = "No county-level division ever had this code", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("code") @Parameter(description = "6-digit division code (GB/T 2260)", example = "510522") String code,
            @QueryParam("asOf") @Parameter(description = "Date (YYYY-MM-DD); default today (China).", example = "2015-01-01") String asOf) {
        String c = Params.code(code);
        LocalDate date = Params.asOf(asOf, clock);
        // The registry's hottest read: an answer this replica already holds for the current feed sequence is sent
        // from the I/O thread; only a miss (which queries the database) moves to a worker thread.
        return reads.renderedIfCached(c, date).map(v -> Uni.createFrom().item(county(v)))
                .orElseGet(() -> Uni.createFrom().item(() -> county(reads.rendered(c, date))).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    private static Response county(CountyReads.Rendered v) {
        return Response.ok(v.json(), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).tag(Preconditions.etag(v.version())).build();
    }

    @GET
    @Path("/{code}/history")
    @Operation(operationId = "getCountyHistory", summary = "The history of a code", description = "Every version of the code in order and every division change that "
            + "took it as input or produced it, by effective date.")
    @APIResponse(responseCode = "200", description = "The history", content = @Content(schema = @Schema(implementation = CountyHistory.class)))
    @APIResponse(responseCode = "404", description = "No county-level division ever had this code", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public CountyHistory history(@PathParam("code") @Parameter(example = "513425") String code) {
        return reads.history(Params.code(code));
    }

    @GET
    @Path("/{code}/categories")
    @Operation(operationId = "listCountyCategories", summary = "The assessment categories of a county, by year", description = "Every assignment of this code, oldest year first, paged; an ended one (withdrawn, or handed to a successor by a division change) with its endedOn and endReason. Sortable fields: year.")
    @APIResponse(responseCode = "200", description = "A page of CategoryAssignment", content = @Content(schema = @Schema(ref = "CategoryAssignmentPage")))
    @APIResponse(responseCode = "404", description = "No county-level division ever had this code", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response categories(@PathParam("code") @Parameter(example = "510421") String code, @BeanParam PageParams paging, @Context UriInfo uri) {
        return Paged.ok(categories.ofCounty(Params.code(code), paging), uri);
    }

    @PUT
    @CountyScoped(path = "code")
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "correctCounty", summary = "Correct a county's recorded attributes (admin)", description = "Corrects the version valid on asOf (default: the current version) in place: name, English name, type, source. "
            + "Not a change of the register (use POST /api/v1/division-changes for that). Requires If-Match with the version's ETag. "
            + "Audited; a COUNTY CORRECTED event goes to the change feed.")
    @APIResponse(responseCode = "200", description = "The corrected county", content = @Content(schema = @Schema(implementation = CountyView.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response correct(@PathParam("code") String code, @QueryParam("asOf") String asOf,
            @HeaderParam(Preconditions.IF_MATCH) String ifMatch, @Valid @NotNull CountyUpdate body) {
        CountyView v = corrections.correctCounty(Params.code(code), QueryParams.date("asOf", asOf, null), ifMatch, body);
        return Preconditions.ok(v, v.version()).build();
    }
}
