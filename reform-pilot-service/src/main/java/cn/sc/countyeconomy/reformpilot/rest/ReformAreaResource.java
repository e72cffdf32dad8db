package cn.sc.countyeconomy.reformpilot.rest;

import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.reformpilot.api.ReformAreaView;
import cn.sc.countyeconomy.reformpilot.service.ProgramService;
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

@Path("/api/v1/reform-areas")
@Tag(name = "Reform areas", description = "Reference data: the reform areas of the programmes.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READER)
public class ReformAreaResource {

    @Inject
    ProgramService programs;

    @GET
    @Operation(operationId = "listReformAreas", summary = "List the reform areas", description = "The reform areas of the integrated county-level reform pilots; the list is data.")
    @APIResponse(responseCode = "200", description = "All reform areas, in their published order")
    public List<ReformAreaView> list() {
        return programs.reformAreas();
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getReformArea", summary = "Read one of the reform areas by its code")
    @APIResponse(responseCode = "200", description = "The reform area", content = @Content(schema = @Schema(implementation = ReformAreaView.class)))
    public ReformAreaView get(@PathParam("code") String code) {
        return programs.reformArea(code);
    }
}
