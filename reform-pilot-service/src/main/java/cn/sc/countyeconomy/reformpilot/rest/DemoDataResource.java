package cn.sc.countyeconomy.reformpilot.rest;

import cn.sc.countyeconomy.api.demo.DemoData;
import cn.sc.countyeconomy.api.idempotency.IdempotentCreate;
import cn.sc.countyeconomy.api.security.ProvinceWide;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.reformpilot.api.DemoDataResult;
import cn.sc.countyeconomy.reformpilot.service.DemoDataService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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

@Path("/api/v1/demo-data")
@Tag(name = "Demo data", description = "Synthetic data for exploring; labelled synthetic in the data itself.")
@Produces(MediaType.APPLICATION_JSON)
public class DemoDataResource {

    @Inject
    DemoDataService demo;

    @Inject
    IdempotentCreate idempotent;

    @POST
    @ProvinceWide("load demo data for every county")
    @DemoData
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "loadReformPilotDemoData", summary = "Load synthetic demo data", description = "Admin only. For each of the nine seeded pilots of the 2020 programme "
            + "that is IMPLEMENTING and has no leading task: a synthetic leading task, five chained milestones and quarterly reports "
            + "(some missing, some late). Everything is flagged synthetic: true and titled 【合成示例】. Pilots with a leading task are "
            + "skipped, so a second call changes nothing.")
    @APIResponse(responseCode = "200", description = "What was loaded", content = @Content(schema = @Schema(implementation = DemoDataResult.class)))
    public Response load(@HeaderParam(IdempotentCreate.HEADER) @Parameter(description = "Makes retries safe") String key, @Context UriInfo uri) {
        return idempotent.create(key, "demo-data", uri, () -> Response.ok(demo.load()).build());
    }
}
