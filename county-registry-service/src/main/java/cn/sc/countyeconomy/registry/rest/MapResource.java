package cn.sc.countyeconomy.registry.rest;

import cn.sc.countyeconomy.api.problem.Problem;
import cn.sc.countyeconomy.api.request.QueryParams;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.maps.SvgChoropleth;
import cn.sc.countyeconomy.registry.service.RegionMaps;
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

import java.time.Clock;
import java.time.LocalDate;

/** Maps of the register, as SVG. */
@Path("/api/v1/maps")
@Tag(name = "maps", description = "Choropleth maps of Sichuan's counties as SVG")
@RolesAllowed(Roles.READER)
public class MapResource {

    @Inject
    RegionMaps maps;
    @Inject
    Clock clock;

    @GET
    @Path("/regions")
    @Produces(SvgChoropleth.MEDIA_TYPE)
    @Operation(operationId = "getRegionsMap", summary = "Map of the economic regions and prefectures", description = "Sichuan's "
            + "county-level divisions as of a date (default today), coloured by economic region (Okabe-Ito colours, safe for "
            + "colour-blind readers), prefecture borders drawn over county borders. Hover a county for its name, region and prefecture.")
    @APIResponse(responseCode = "200", description = "The map", content = @Content(mediaType = SvgChoropleth.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "asOf malformed", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public String regions(
            @Parameter(description = "The date the divisions are valid on (default today)", example = "2024-12-31") @QueryParam("asOf") String asOf) {
        return maps.regions(QueryParams.date("asOf", asOf, LocalDate.now(clock)));
    }
}
