package cn.sc.countyeconomy.assessment.rest;

import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.Paged;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.security.CountyScoped;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.assessment.api.Reason;
import cn.sc.countyeconomy.assessment.api.SubmissionView;
import cn.sc.countyeconomy.assessment.service.DataService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/submissions")
@Tag(name = "data")
@Produces(MediaType.APPLICATION_JSON)
public class SubmissionResource {

    @Inject
    DataService data;
    @Context
    UriInfo uri;

    @GET
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "listSubmissions", summary = "List the workflow states", description = "Paged; filters year, status, county; sortable: countyCode, year, status, updatedAt.")
    @APIResponse(responseCode = "200", description = "A page of submissions", content = @Content(schema = @Schema(ref = "SubmissionPage")))
    public Response list(@BeanParam PageParams page, @QueryParam("year") String yearText, @QueryParam("status") String statusText,
            @QueryParam("county") String county) {
        return Paged.ok(data.submissions(yearText, statusText, county, page), uri);
    }

    @GET
    @Path("/{county}/{year}")
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "getSubmission", summary = "Read the workflow state of a county's year", description = "ETag = version, for If-Match on the state changes.")
    @APIResponse(responseCode = "200", description = "The state", content = @Content(schema = @Schema(implementation = SubmissionView.class)))
    public Response get(@PathParam("county") String county, @PathParam("year") int year) {
        return answer(data.submission(county, year));
    }

    @POST
    @CountyScoped(path = "county")
    @Path("/{county}/{year}/submit")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "submitSubmission", summary = "Submit a county's data (DRAFT -> SUBMITTED)", description = "Editor; a county-scoped token only for its counties. "
            + "Refused (422 required-indicators-missing) while a required indicator has no value. If-Match required.")
    @APIResponse(responseCode = "200", description = "New state", content = @Content(schema = @Schema(implementation = SubmissionView.class)))
    @APIResponse(responseCode = "409", description = "Not in the state this step needs")
    public Response submit(@PathParam("county") String county, @PathParam("year") int year, @HeaderParam("If-Match") String ifMatch, Reason reason) {
        return answer(data.transition(county, year, "submit", ifMatch, reason == null ? null : reason.reason()));
    }

    @POST
    @CountyScoped(path = "county")
    @Path("/{county}/{year}/verify")
    @RolesAllowed(Roles.APPROVER)
    @Operation(operationId = "verifySubmission", summary = "Verify submitted data (SUBMITTED -> VERIFIED)", description = "Approver. If-Match required.")
    @APIResponse(responseCode = "200", description = "New state", content = @Content(schema = @Schema(implementation = SubmissionView.class)))
    public Response verify(@PathParam("county") String county, @PathParam("year") int year, @HeaderParam("If-Match") String ifMatch, Reason reason) {
        return answer(data.transition(county, year, "verify", ifMatch, reason == null ? null : reason.reason()));
    }

    @POST
    @CountyScoped(path = "county")
    @Path("/{county}/{year}/approve")
    @RolesAllowed(Roles.APPROVER)
    @Operation(operationId = "approveSubmission", summary = "Approve verified data (VERIFIED -> APPROVED, locked)", description = "Approver. Approved data is what runs use; it cannot be changed until reopened.")
    @APIResponse(responseCode = "200", description = "New state", content = @Content(schema = @Schema(implementation = SubmissionView.class)))
    public Response approve(@PathParam("county") String county, @PathParam("year") int year, @HeaderParam("If-Match") String ifMatch, Reason reason) {
        return answer(data.transition(county, year, "approve", ifMatch, reason == null ? null : reason.reason()));
    }

    @POST
    @CountyScoped(path = "county")
    @Path("/{county}/{year}/reopen")
    @RolesAllowed(Roles.APPROVER)
    @Operation(operationId = "reopenSubmission", summary = "Reopen data (any state -> DRAFT)", description = "Approver, with a reason (recorded in the audit trail). If-Match required.")
    @APIResponse(responseCode = "200", description = "New state", content = @Content(schema = @Schema(implementation = SubmissionView.class)))
    public Response reopen(@PathParam("county") String county, @PathParam("year") int year, @HeaderParam("If-Match") String ifMatch, Reason reason) {
        if (reason == null)
            throw ApiException.validation("reason", "reopening needs a reason");
        return answer(data.transition(county, year, "reopen", ifMatch, reason.reason()));
    }

    private static Response answer(SubmissionView v) {
        return Preconditions.ok(v, v.version()).build();
    }
}
