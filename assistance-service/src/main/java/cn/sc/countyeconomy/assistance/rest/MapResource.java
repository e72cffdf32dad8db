package cn.sc.countyeconomy.assistance.rest;

import cn.sc.countyeconomy.api.problem.Problem;
import cn.sc.countyeconomy.api.request.QueryParams;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.assistance.service.CoverageMaps;
import cn.sc.countyeconomy.maps.SvgChoropleth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Maps of the assistance, as SVG. */
@Path("/api/v1/maps")
@Tag(name = "maps", description = "Choropleth maps of Sichuan's counties as SVG")
@RolesAllowed(Roles.READER)
public class MapResource {

    @Inject
    CoverageMaps maps;

    @GET
    @Path("/coverage")
    @Produces(SvgChoropleth.MEDIA_TYPE)
    @Operation(operationId = "getCoverageMap", summary = "Map of the coverage of the underdeveloped counties", description = "The "
            + "counties the registry designates underdeveloped in the year, coloured by `forces` present (of the five, default), "
            + "`training` against the yearly target (people trained, in quarters of the target) or funds `disbursed` in the year "
            + "(CNY, corrections included, in quintiles; a county with none is at 0); other counties dotted (not applicable). Hover "
            + "a county for its figure.")
    @APIResponse(responseCode = "200", description = "The map", content = @Content(mediaType = SvgChoropleth.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "year or measure malformed", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The registry could not be reached", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public String coverage(@Parameter(description = "Year", example = "2024", required = true) @QueryParam("year") String year,
            @Parameter(description = "forces (default), training or disbursed", example = "forces") @QueryParam("measure") String measure) {
        return maps.coverage(QueryParams.year("year", year, true, 2000, 2100), measure);
    }
}
