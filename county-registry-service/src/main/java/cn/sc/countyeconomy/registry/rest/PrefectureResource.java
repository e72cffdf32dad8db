package cn.sc.countyeconomy.registry.rest;

import cn.sc.countyeconomy.api.request.QueryParams;
import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.PageResult;
import cn.sc.countyeconomy.api.paging.Paged;
import cn.sc.countyeconomy.api.paging.SortFields;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.problem.Problem;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.registry.Division;
import cn.sc.countyeconomy.registry.Region;
import cn.sc.countyeconomy.registry.mapping.Views.CountyRef;
import cn.sc.countyeconomy.registry.mapping.Views.PrefectureView;
import cn.sc.countyeconomy.registry.service.CorrectionService;
import cn.sc.countyeconomy.registry.service.CorrectionService.PrefectureCorrection;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Prefecture-level divisions. */
@Path("/api/v1/prefectures")
@Tag(name = "Prefectures", description = "Prefecture-level divisions: prefecture-level cities and autonomous prefectures")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READER)
@Transactional
public class PrefectureResource {

    static final SortFields SORT = SortFields.of("code", "code", "name", "name", "regionCode", "regionCode");

    @Inject
    CorrectionService corrections;

    @GET
    @Operation(summary = "List the prefectures valid on a date", description = "Filtered by region and province. Paged; sortable fields: code, name, regionCode.")
    @APIResponse(responseCode = "200", description = "A page of Prefecture")
    @APIResponse(responseCode = "400", description = "Bad parameter", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response list(@QueryParam("asOf") @Parameter(description = "Date (YYYY-MM-DD); default today (China).") String asOf,
                         @QueryParam("region") @Parameter(example = "PANXI") String region,
                         @QueryParam("province") @Parameter(example = "510000") String province,
                         @BeanParam PageParams paging, @Context UriInfo uri) {
        LocalDate date = Params.asOf(asOf);
        String r = Params.upper(region);
        String p = QueryParams.countyCode("province", province);
        Map<String, Long> counts = countyCounts(date);
        List<PrefectureView> all = Division.<Division>list("level = ?1 and validFrom <= ?2 and (validTo is null or validTo > ?2)", Division.PREFECTURE, date)
                .stream().filter(d -> r == null || r.equals(d.regionCode)).filter(d -> p == null || p.equals(d.parentCode))
                .map(d -> view(d, date, counts.getOrDefault(d.code, 0L).intValue(), null))
                .sorted(SORT.comparator(paging.rawSort(), PrefectureResource::property)).toList();
        return Paged.ok(PageResult.ofList(all, paging), uri);
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Read a prefecture with its counties", description = "As it was on asOf, with the county-level divisions under it then.")
    @APIResponse(responseCode = "200", description = "The prefecture, with an ETag", content = @Content(schema = @Schema(implementation = PrefectureView.class)))
    @APIResponse(responseCode = "404", description = "No prefecture with this code on asOf", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("code") @Parameter(example = "513400") String code, @QueryParam("asOf") String asOf) {
        String c = CountyResource.checkCode(code);
        LocalDate date = Params.asOf(asOf);
        Division d = Division.on(c, date).filter(x -> Division.PREFECTURE.equals(x.level))
                .orElseThrow(() -> ApiException.notFound("Prefecture", c + " on " + date));
        List<CountyRef> counties = Division.<Division>list("level = ?1 and parentCode = ?2 and validFrom <= ?3 and (validTo is null or validTo > ?3) order by code",
                Division.COUNTY, c, date).stream().map(x -> new CountyRef(x.code, x.nameZh, x.nameEn, x.type)).toList();
        return Preconditions.ok(view(d, date, counties.size(), counties), d.version).build();
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Correct a prefecture's recorded attributes (admin)", description = "Name, English name, economic region, on the version "
            + "valid on asOf (default current), in place. Requires If-Match. Audited; a PREFECTURE CORRECTED event goes to the change feed.")
    @APIResponse(responseCode = "200", description = "The corrected prefecture", content = @Content(schema = @Schema(implementation = PrefectureView.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "Missing If-Match", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response correct(@PathParam("code") String code, @QueryParam("asOf") String asOf,
                            @HeaderParam(Preconditions.IF_MATCH) String ifMatch, @Valid @NotNull PrefectureCorrection body) {
        String c = CountyResource.checkCode(code);
        Division d = corrections.correctPrefecture(c, QueryParams.date("asOf", asOf, null), ifMatch, body);
        LocalDate date = d.validFrom;
        return Preconditions.ok(view(d, date, countyCounts(date).getOrDefault(c, 0L).intValue(), null), d.version).build();
    }

    static Map<String, Long> countyCounts(LocalDate date) {
        Map<String, Long> m = new HashMap<>();
        for (Object[] row : Division.getEntityManager().createQuery("select parentCode, count(*) from Division where level = 'COUNTY' "
                + "and validFrom <= :d and (validTo is null or validTo > :d) group by parentCode", Object[].class).setParameter("d", date).getResultList()) {
            m.put((String) row[0], (Long) row[1]);
        }
        return m;
    }

    static PrefectureView view(Division d, LocalDate date, int count, List<CountyRef> counties) {
        Division province = d.parentCode == null ? null : Division.on(d.parentCode, date).orElse(null);
        Region region = d.regionCode == null ? null : Region.findById(d.regionCode);
        return new PrefectureView(d.code, d.nameZh, d.nameEn, d.type, d.parentCode, province == null ? null : province.nameZh,
                d.regionCode, region == null ? null : region.nameZh, d.validFrom, d.validTo, count, counties, d.source, d.version);
    }

    static Comparable<?> property(PrefectureView p, String property) {
        return switch (property) {
            case "code" -> p.code();
            case "name" -> p.name();
            default -> p.regionCode();
        };
    }

    static Map<String, String> names(List<Division> ds) {
        return ds.stream().collect(Collectors.toMap(d -> d.code, d -> d.nameZh, (a, b) -> a));
    }
}
