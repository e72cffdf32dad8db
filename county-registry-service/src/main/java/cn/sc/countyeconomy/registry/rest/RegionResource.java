package cn.sc.countyeconomy.registry.rest;

import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.Paged;
import cn.sc.countyeconomy.api.problem.Problem;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.registry.api.RegionView;
import cn.sc.countyeconomy.registry.service.PrefectureReads;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

import java.time.Clock;

/** Economic regions. */
@Path("/api/v1/regions")
@Tag(name = "Regions", description = "Economic regions: groups of prefectures of a province (Sichuan's five)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READER)
public class RegionResource {

    @Inject
    PrefectureReads prefectures;
    @Inject
    Clock clock;

    @GET
    @Operation(operationId = "listRegions", summary = "List the economic regions", description = "With their prefectures and county counts on asOf. Paged; sortable fields: code, name.")
    @APIResponse(responseCode = "200", description = "A page of Region", content = @Content(schema = @Schema(ref = "RegionPage")))
    public Response list(@QueryParam("asOf") String asOf, @BeanParam PageParams paging, @Context UriInfo uri) {
        return Paged.ok(prefectures.regions(Params.asOf(asOf, clock), paging), uri);
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getRegion", summary = "Read an economic region", description = "With its prefectures on asOf.")
    @APIResponse(responseCode = "200", description = "The region", content = @Content(schema = @Schema(implementation = RegionView.class)))
    @APIResponse(responseCode = "404", description = "Unknown region", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public RegionView get(@PathParam("code") @Parameter(example = "PANXI") String code, @QueryParam("asOf") String asOf) {
        return prefectures.region(code, Params.asOf(asOf, clock));
    }
}
