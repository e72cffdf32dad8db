package cn.sc.countyeconomy.assessment.rest;

import cn.sc.countyeconomy.api.problem.Problem;
import cn.sc.countyeconomy.api.request.QueryParams;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.assessment.service.ScoreMaps;
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

/** Maps of the assessment, as SVG. */
@Path("/api/v1/maps")
@Tag(name = "maps", description = "Choropleth maps of Sichuan's counties as SVG")
@RolesAllowed(Roles.READER)
public class MapResource {

    @Inject
    ScoreMaps maps;

    @GET
    @Path("/scores")
    @Produces(SvgChoropleth.MEDIA_TYPE)
    @Operation(operationId = "getScoresMap", summary = "Map of the year's scores", description = "A choropleth of the official run of the "
            + "year: `overall` score (default), `rank` in category, `rankChange` against the previous official year, or one area's "
            + "score (`area:<AREA>`), in quintile classes (rank change in fixed steps), with a legend stating them. Disqualified "
            + "counties are cross-hatched, counties without a value hatched; with `category`, counties of other categories are "
            + "dotted (not applicable). Hover a county for its name and value.")
    @APIResponse(responseCode = "200", description = "The map", content = @Content(mediaType = SvgChoropleth.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "year, measure or category malformed", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No official run for the year", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The registry's county shapes could not be fetched", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public String scores(@Parameter(description = "Assessment year", example = "2024", required = true) @QueryParam("year") String yearText,
            @Parameter(description = "overall (default), rank, rankChange or area:<AREA>", example = "overall") @QueryParam("measure") String measure,
            @Parameter(description = "Only this category's counties coloured", example = "KEY_DEVELOPMENT") @QueryParam("category") String category) {
        return maps.scores(QueryParams.year("year", yearText, true, 2000, 2100), measure, category);
    }
}
