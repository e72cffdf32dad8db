package cn.sc.countyeconomy.reformpilot.rest;

import cn.sc.countyeconomy.api.problem.Problem;
import cn.sc.countyeconomy.api.request.QueryParams;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.maps.SvgChoropleth;
import cn.sc.countyeconomy.reformpilot.service.PilotStatusMaps;
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

/** Maps of the reform pilots, as SVG. */
@Path("/api/v1/maps")
@Tag(name = "maps", description = "Choropleth maps of Sichuan's counties as SVG")
@RolesAllowed(Roles.READER)
public class MapResource {

    @Inject
    PilotStatusMaps maps;

    @GET
    @Path("/pilots")
    @Produces(SvgChoropleth.MEDIA_TYPE)
    @Operation(operationId = "getPilotStatusMap", summary = "Map of a programme's pilots by status", description = "Each county "
            + "with a pilot in the programme, coloured ON_TRACK, AT_RISK, OVERDUE (active past the programme's deadline) or ACCEPTED "
            + "(ColorBrewer RdYlBu); hatched NO_DATA (nominated, or too few milestones to project); dotted: no pilot in the "
            + "programme. As of today. Hover a county for its lifecycle status and deadline projection.")
    @APIResponse(responseCode = "200", description = "The map", content = @Content(mediaType = SvgChoropleth.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "programId malformed", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such programme", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public String pilots(@Parameter(description = "The programme", example = "1", required = true) @QueryParam("programId") String programId) {
        return maps.programme(QueryParams.requiredId("programId", programId));
    }
}
