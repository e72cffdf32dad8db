package cn.sc.countyeconomy.assessment.rest;

import cn.sc.countyeconomy.api.security.ProvinceWide;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.assessment.api.JobView;
import cn.sc.countyeconomy.assessment.service.SensitivityService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/jobs")
@Tag(name = "runs")
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

    @Inject
    SensitivityService sensitivity;

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "getSensitivityJob", summary = "A sensitivity job: status, percent done, and when SUCCEEDED per county the median rank and 5-95% rank interval")
    @APIResponse(responseCode = "200", description = "The job", content = @Content(schema = @Schema(implementation = JobView.class)))
    public JobView get(@PathParam("id") long id) {
        return sensitivity.job(id);
    }

    @POST
    @ProvinceWide("cancel scoring jobs")
    @Path("/{id}/cancel")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "cancelSensitivityJob", summary = "Cancel a queued or running job", description = "The job stays readable with status CANCELLED; cancelling a "
            + "cancelled job answers it again. A cancel always wins: the instance computing the job stops at its next heartbeat and cannot "
            + "record a result afterwards. 409 when the job has ended otherwise (SUCCEEDED or FAILED).")
    @APIResponse(responseCode = "200", description = "The cancelled job", content = @Content(schema = @Schema(implementation = JobView.class)))
    public JobView cancelPost(@PathParam("id") long id) {
        return sensitivity.cancel(id);
    }
}
