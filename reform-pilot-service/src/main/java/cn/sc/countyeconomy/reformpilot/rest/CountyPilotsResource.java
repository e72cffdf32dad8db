package cn.sc.countyeconomy.reformpilot.rest;

import cn.sc.countyeconomy.api.request.QueryParams;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.reformpilot.api.CountyPilotsView;
import cn.sc.countyeconomy.reformpilot.service.MonitoringService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/counties/{code}/pilots")
@Tag(name = "Counties", description = "What a county pilots.")
@Produces(MediaType.APPLICATION_JSON)
public class CountyPilotsResource {

    @Inject
    MonitoringService monitoring;

    @GET
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "getCountyPilots", summary = "Everything a county pilots", description = "Every pilot of the county in any programme and status, oldest "
            + "first: {countyCode, pilots: [{id, programId, programName, batch, status, leadingTask, since}]}. since is the date of "
            + "the current status. A county with no pilots gives an empty list (this service does not know every county; "
            + "county-registry-service does).")
    @APIResponse(responseCode = "200", description = "The county's pilots", content = @Content(schema = @Schema(implementation = CountyPilotsView.class)))
    public CountyPilotsView pilots(@PathParam("code") String code) {
        return monitoring.countyPilots(QueryParams.countyCode("code", code));
    }
}
