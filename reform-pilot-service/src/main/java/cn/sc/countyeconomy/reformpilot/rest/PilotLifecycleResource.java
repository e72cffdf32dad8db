package cn.sc.countyeconomy.reformpilot.rest;

import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.reformpilot.api.LifecycleStep;
import cn.sc.countyeconomy.reformpilot.service.PilotService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/pilot-lifecycle")
@Tag(name = "Pilots")
@Produces(MediaType.APPLICATION_JSON)
public class PilotLifecycleResource {

    @Inject
    PilotService pilots;

    @GET
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "listPilotLifecycleSteps", summary = "The lifecycle table", description = "Every status, the statuses it may move to, and the roles needed to enter it.")
    @APIResponse(responseCode = "200", description = "The table")
    public List<LifecycleStep> lifecycle() {
        return pilots.lifecycle();
    }
}
