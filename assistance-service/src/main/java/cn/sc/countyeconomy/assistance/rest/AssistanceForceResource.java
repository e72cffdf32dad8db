package cn.sc.countyeconomy.assistance.rest;

import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.assistance.api.AssistanceForceView;
import cn.sc.countyeconomy.assistance.service.ForceService;
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

import java.util.List;

@Path("/api/v1/forces")
@Tag(name = "five assistance forces", description = "The five assistance forces (reference data): who helps the underdeveloped counties")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READER)
public class AssistanceForceResource {

    @Inject
    ForceService forces;

    @GET
    @Operation(operationId = "listAssistanceForces", summary = "List the five assistance forces", description = "The five assistance forces coordinated for the 39 underdeveloped counties, in their official order.")
    @APIResponse(responseCode = "200", description = "The five forces", content = @Content(schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY, implementation = AssistanceForceView.class)))
    public List<AssistanceForceView> list() {
        return forces.list();
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getAssistanceForce", summary = "Read one of the five assistance forces by its code")
    @APIResponse(responseCode = "200", description = "The force", content = @Content(schema = @Schema(implementation = AssistanceForceView.class)))
    public AssistanceForceView get(@PathParam("code") String code) {
        return forces.get(code);
    }

}
