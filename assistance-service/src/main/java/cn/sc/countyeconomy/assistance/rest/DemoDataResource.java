package cn.sc.countyeconomy.assistance.rest;

import cn.sc.countyeconomy.api.demo.DemoData;
import cn.sc.countyeconomy.api.security.ProvinceWide;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.assistance.api.DemoDataLoaded;
import cn.sc.countyeconomy.assistance.service.DemoDataService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/demo-data")
@Tag(name = "demo data", description = "Synthetic data for exploring the API, labelled synthetic; off in production unless enabled")
@Produces(MediaType.APPLICATION_JSON)
public class DemoDataResource {

    @Inject
    DemoDataService service;

    @POST
    @ProvinceWide("load demo data for every county")
    @DemoData
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "loadAssistanceDemoData", summary = "Load synthetic demo data", description = "Organisations, pairings, projects, transactions, training, cadre exchanges and "
            + "tasks for the counties county-registry-service designates underdeveloped today; every row has synthetic = true and "
            + "names marked 【演示数据】. Once only (409 after). Admin.")
    @APIResponse(responseCode = "201", description = "Loaded", content = @Content(schema = @Schema(implementation = DemoDataLoaded.class)))
    @APIResponse(responseCode = "409", description = "Demo data is loaded already")
    @APIResponse(responseCode = "503", description = "county-registry-service cannot be reached; nothing was written", headers = @Header(name = "Retry-After", description = "Seconds to wait"))
    public Response load() {
        return Response.status(201).entity(service.load()).build();
    }
}
