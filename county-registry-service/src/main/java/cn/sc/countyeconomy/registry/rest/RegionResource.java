package cn.sc.countyeconomy.registry.rest;

import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.PageResult;
import cn.sc.countyeconomy.api.paging.Paged;
import cn.sc.countyeconomy.api.paging.SortFields;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.problem.Problem;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.registry.Division;
import cn.sc.countyeconomy.registry.Region;
import cn.sc.countyeconomy.registry.mapping.Views.CodeName;
import cn.sc.countyeconomy.registry.mapping.Views.RegionView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
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
import java.util.List;
import java.util.Map;

/** Economic regions. */
@Path("/api/v1/regions")
@Tag(name = "Regions", description = "Economic regions: groups of prefectures of a province (Sichuan's five)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READER)
@Transactional
public class RegionResource {

    static final SortFields SORT = SortFields.of("code", "code", "name", "name");

    @GET
    @Operation(summary = "List the economic regions", description = "With their prefectures and county counts on asOf. Paged; sortable fields: code, name.")
    @APIResponse(responseCode = "200", description = "A page of Region")
    public Response list(@QueryParam("asOf") String asOf, @BeanParam PageParams paging, @Context UriInfo uri) {
        LocalDate date = Params.asOf(asOf);
        Map<String, Long> counts = PrefectureResource.countyCounts(date);
        List<RegionView> all = Region.<Region>listAll().stream().map(r -> view(r, date, counts))
                .sorted(SORT.comparator(paging.rawSort(), (v, p) -> p.equals("name") ? v.name() : v.code())).toList();
        return Paged.ok(PageResult.ofList(all, paging), uri);
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Read an economic region", description = "With its prefectures on asOf.")
    @APIResponse(responseCode = "200", description = "The region", content = @Content(schema = @Schema(implementation = RegionView.class)))
    @APIResponse(responseCode = "404", description = "Unknown region", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public RegionView get(@PathParam("code") @Parameter(example = "PANXI") String code, @QueryParam("asOf") String asOf) {
        Region r = Region.findById(code.toUpperCase());
        if (r == null) {
            throw ApiException.notFound("Region", code);
        }
        LocalDate date = Params.asOf(asOf);
        return view(r, date, PrefectureResource.countyCounts(date));
    }

    static RegionView view(Region r, LocalDate date, Map<String, Long> counts) {
        List<Division> prefs = Division.list("level = ?1 and regionCode = ?2 and validFrom <= ?3 and (validTo is null or validTo > ?3) order by code",
                Division.PREFECTURE, r.code, date);
        int count = prefs.stream().mapToInt(p -> counts.getOrDefault(p.code, 0L).intValue()).sum();
        return new RegionView(r.code, r.nameZh, r.nameEn, r.provinceCode, prefs.stream().map(p -> new CodeName(p.code, p.nameZh)).toList(), count, r.source);
    }
}
