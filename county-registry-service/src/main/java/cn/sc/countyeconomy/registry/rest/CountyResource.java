package cn.sc.countyeconomy.registry.rest;

import cn.sc.countyeconomy.api.request.QueryParams;
import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.csv.CsvExport;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.PageResult;
import cn.sc.countyeconomy.api.paging.Paged;
import cn.sc.countyeconomy.api.paging.SortFields;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.problem.Problem;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.registry.CategoryAssignment;
import cn.sc.countyeconomy.registry.Division;
import cn.sc.countyeconomy.registry.DivisionChange;
import cn.sc.countyeconomy.registry.mapping.Views.CategoryAssignmentView;
import cn.sc.countyeconomy.registry.mapping.Views.ChangeSummary;
import cn.sc.countyeconomy.registry.mapping.Views.CountyCsvRow;
import cn.sc.countyeconomy.registry.mapping.Views.CountyView;
import cn.sc.countyeconomy.registry.service.CategoryService;
import cn.sc.countyeconomy.registry.service.CorrectionService;
import cn.sc.countyeconomy.registry.service.CorrectionService.CountyCorrection;
import cn.sc.countyeconomy.registry.service.CountyReads;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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

import java.time.LocalDate;
import java.util.List;

/** County-level divisions as of any date. */
@Path("/api/v1/counties")
@Tag(name = "Counties", description = "County-level divisions (districts, county-level cities, counties, autonomous counties) as of any date")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READER)
public class CountyResource {

    static final SortFields SORT = SortFields.of("code", "code", "name", "name", "nameEn", "nameEn", "type", "type",
            "prefectureCode", "prefectureCode", "validFrom", "validFrom");

    @Inject
    CountyReads reads;
    @Inject
    CorrectionService corrections;

    /** Query parameters of the county list, shared by JSON, CSV and GeoJSON. */
    public static class ListFilter {
        @QueryParam("asOf") @Parameter(description = "The date the list is for (YYYY-MM-DD); default today (China). Lists the counties valid on it, with the names and parents they had then.", example = "2015-01-01")
        public String asOf;
        @QueryParam("prefecture") @Parameter(description = "Prefecture code (6 digits).", example = "510500")
        public String prefecture;
        @QueryParam("region") @Parameter(description = "Economic region code.", example = "SOUTH_SICHUAN")
        public String region;
        @QueryParam("province") @Parameter(description = "Province code (6 digits), for a register holding more than Sichuan.", example = "510000")
        public String province;
        @QueryParam("type") @Parameter(description = "DISTRICT, COUNTY_LEVEL_CITY, COUNTY or AUTONOMOUS_COUNTY.", example = "COUNTY")
        public String type;
        @QueryParam("category") @Parameter(description = "Assessment category code; with `year` for that year, else the latest assignment up to asOf's year.", example = "MAIN_FARM_PRODUCE")
        public String category;
        @QueryParam("year") @Parameter(description = "Year of the category assignment used by `category` and the `category` field.", example = "2018")
        public String year;
        @QueryParam("designation") @Parameter(description = "Designation type code active on asOf.", example = "UNDERDEVELOPED_COUNTY")
        public String designation;
        @QueryParam("name") @Parameter(description = "Part of the Chinese name or of the pinyin/English name (case, spaces and apostrophes ignored).", example = "hejiang")
        public String name;

        public LocalDate date() {
            return Params.asOf(asOf);
        }

        public CountyReads.Filter filter() {
            if (name != null && name.isBlank()) {
                throw ApiException.invalidParameter("name", "must not be blank");
            }
            return new CountyReads.Filter(QueryParams.countyCode("prefecture", prefecture), Params.upper(region), QueryParams.countyCode("province", province),
                    Params.upper(type), Params.upper(category), QueryParams.year("year", year, false), Params.upper(designation), name);
        }
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvExport.MEDIA_TYPE})
    @Operation(summary = "List the counties valid on a date",
            description = "Filtered by prefecture, region, province, type, category (for a year), designation and name (Chinese or pinyin, partial). "
                    + "Paged (`page` from 0, `size` up to 500) with RFC 8288 Link headers and X-Total-Count. Sortable fields: code, name, nameEn, type, "
                    + "prefectureCode, validFrom. Send `Accept: text/csv` for the same filtered, sorted list as CSV (UTF-8, header row, all rows, "
                    + "no paging); JSON otherwise (also for `*/*`).")
    @APIResponse(responseCode = "200", description = "A page of counties (PageResult of County), or CSV",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON), @Content(mediaType = CsvExport.MEDIA_TYPE)})
    @APIResponse(responseCode = "400", description = "A parameter is malformed, size is above 500, or sort names an unknown field",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response list(@BeanParam ListFilter f, @BeanParam PageParams paging, @Context UriInfo uri, @Context HttpHeaders headers) {
        List<CountyView> sorted = reads.list(f.date(), f.filter()).stream()
                .sorted(SORT.comparator(paging.rawSort(), CountyResource::property)).toList();
        if (wantsCsv(headers)) {
            List<CountyCsvRow> rows = sorted.stream().map(CountyCsvRow::of).toList();
            return CsvExport.ok(CountyCsvRow.class, rows::stream, "counties-" + f.date() + ".csv");
        }
        return Paged.ok(PageResult.ofList(sorted, paging), uri);
    }

    /** CSV only when the client prefers it explicitly; a wildcard gets JSON. */
    static boolean wantsCsv(HttpHeaders headers) {
        for (MediaType m : headers.getAcceptableMediaTypes()) {
            if (m.isWildcardType() || m.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if ("text".equals(m.getType()) && "csv".equals(m.getSubtype())) {
                return true;
            }
        }
        return false;
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Read a county-level division as it was on a date",
            description = "status is relative to asOf: ACTIVE (a version is valid on asOf; its fields are shown), RETIRED (the code existed before "
                    + "asOf but not on it: its last version, successors and the change that retired it), NOT_YET_VALID (the code only exists "
                    + "after asOf: its first version). 404 only for a code that never existed. The ETag is the shown version's `version`.")
    @APIResponse(responseCode = "200", description = "The county, with an ETag",
            content = @Content(schema = @Schema(implementation = CountyView.class)))
    @APIResponse(responseCode = "404", description = "No county-level division ever had this code",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("code") @Parameter(description = "6-digit division code (GB/T 2260)", example = "510522") String code,
                        @QueryParam("asOf") @Parameter(description = "Date (YYYY-MM-DD); default today (China).", example = "2015-01-01") String asOf) {
        String c = checkCode(code);
        CountyView v = reads.one(c, Params.asOf(asOf));
        return Preconditions.ok(v, v.version()).build();
    }

    @Schema(name = "CountyHistory", description = "Every version of a code and every change that touched it, oldest first.")
    public record History(String code, List<VersionEntry> versions, List<ChangeSummary> changes) {
    }

    @Schema(name = "CountyVersion", description = "One version of a division: its attributes over [validFrom, validTo).")
    public record VersionEntry(LocalDate validFrom, LocalDate validTo, String name, String nameEn, String type, String prefectureCode,
                               String prefectureName, String source, long version) {
    }

    @GET
    @Path("/{code}/history")
    @Transactional
    @Operation(summary = "The history of a code", description = "Every version of the code in order and every division change that "
            + "took it as input or produced it, by effective date.")
    @APIResponse(responseCode = "200", description = "The history", content = @Content(schema = @Schema(implementation = History.class)))
    @APIResponse(responseCode = "404", description = "No county-level division ever had this code",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public History history(@PathParam("code") @Parameter(example = "513425") String code) {
        String c = checkCode(code);
        List<Division> versions = Division.versions(c).stream().filter(d -> Division.COUNTY.equals(d.level)).toList();
        if (versions.isEmpty()) {
            throw ApiException.notFound("County", c);
        }
        List<VersionEntry> entries = versions.stream().map(v -> {
            Division p = v.parentCode == null ? null : CountyReads.versionOn(v.parentCode, v.validFrom);
            return new VersionEntry(v.validFrom, v.validTo, v.nameZh, v.nameEn, v.type, v.parentCode, p == null ? null : p.nameZh, v.source, v.version);
        }).toList();
        List<ChangeSummary> changes = DivisionChange.<DivisionChange>list("order by effectiveDate, id").stream()
                .filter(ch -> ch.from().contains(c) || ch.to().contains(c)).map(ChangeSummary::of).toList();
        return new History(c, entries, changes);
    }

    @GET
    @Path("/{code}/categories")
    @Transactional
    @Operation(summary = "The assessment categories of a county, by year",
            description = "Assignments in force (not ended) of this code, oldest year first, paged. Sortable fields: year.")
    @APIResponse(responseCode = "200", description = "A page of CategoryAssignment")
    @APIResponse(responseCode = "404", description = "No county-level division ever had this code",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response categories(@PathParam("code") @Parameter(example = "510421") String code, @BeanParam PageParams paging, @Context UriInfo uri) {
        String c = checkCode(code);
        if (Division.count("code = ?1 and level = ?2", c, Division.COUNTY) == 0) {
            throw ApiException.notFound("County", c);
        }
        SortFields sort = SortFields.of("year", "year");
        PageResult<CategoryAssignmentView> page = PageResult.of(
                CategoryAssignment.find("countyCode = ?1 and endedOn is null", sort.panache(paging.rawSort()), c), paging,
                (CategoryAssignment a) -> CategoryService.view(a));
        return Paged.ok(page, uri);
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Correct a county's recorded attributes (admin)",
            description = "Corrects the version valid on asOf (default: the current version) in place: name, English name, type, source. "
                    + "Not a change of the register (use POST /api/v1/division-changes for that). Requires If-Match with the version's ETag. "
                    + "Audited; a COUNTY CORRECTED event goes to the change feed.")
    @APIResponse(responseCode = "200", description = "The corrected county", content = @Content(schema = @Schema(implementation = CountyView.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response correct(@PathParam("code") String code, @QueryParam("asOf") String asOf,
                            @HeaderParam(Preconditions.IF_MATCH) String ifMatch, @Valid @NotNull CountyCorrection body) {
        String c = checkCode(code);
        LocalDate date = QueryParams.date("asOf", asOf, null);
        Division d = corrections.correctCounty(c, date, ifMatch, body);
        CountyView v = reads.one(c, date == null ? d.validFrom : date);
        return Preconditions.ok(v, v.version()).build();
    }

    static String checkCode(String code) {
        if (code == null || !code.matches("[0-9]{6}")) {
            throw ApiException.invalidParameter("code", "must be 6 digits, was '" + code + "'");
        }
        return code;
    }

    static Comparable<?> property(CountyView c, String property) {
        return switch (property) {
            case "code" -> c.code();
            case "name" -> c.name();
            case "nameEn" -> c.nameEn();
            case "type" -> c.type();
            case "prefectureCode" -> c.prefectureCode();
            case "validFrom" -> c.validFrom();
            default -> null;
        };
    }
}
