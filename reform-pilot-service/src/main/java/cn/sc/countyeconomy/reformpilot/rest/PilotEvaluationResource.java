package cn.sc.countyeconomy.reformpilot.rest;

import cn.sc.countyeconomy.api.idempotency.Created;
import cn.sc.countyeconomy.api.idempotency.IdempotentCreate;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.Paged;
import cn.sc.countyeconomy.api.paging.SortFields;
import cn.sc.countyeconomy.api.security.CountyScoped;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.reformpilot.api.EvaluationView;
import cn.sc.countyeconomy.reformpilot.api.NewEvaluation;
import cn.sc.countyeconomy.reformpilot.security.PilotCounties;
import cn.sc.countyeconomy.reformpilot.service.ReportService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

/** The evaluations of a pilot (one evaluation is read at /api/v1/evaluations/{id}). */
@Path("/api/v1/pilots/{id}/evaluations")
@Tag(name = "Pilots")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PilotEvaluationResource {

    static final SortFields SORT = SortFields.of("evaluatedOn", "evaluatedOn", "id", "id");

    @Inject
    ReportService reports;

    @Inject
    IdempotentCreate idempotent;

    @GET
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "listPilotEvaluations", summary = "List the pilot's evaluations", description = "Paged. Sortable fields: evaluatedOn, id.")
    @APIResponse(responseCode = "200", description = "A page of evaluations with Link and X-Total-Count", content = @Content(schema = @Schema(ref = "EvaluationPage")))
    public Response evaluations(@PathParam("id") long id, @BeanParam PageParams paging, @Context UriInfo uri) {
        return Paged.ok(reports.evaluations(id, SORT.panache(paging.rawSort()), paging), uri);
    }

    @POST
    @CountyScoped(resource = PilotCounties.class)
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "createPilotEvaluation", summary = "Record an evaluation", description = "While the pilot is UNDER_EVALUATION: evaluator, criteria with scores "
            + "(0 to maxScore) and comments, verdict PASS / FAIL / RECTIFY. The verdict does not move the pilot: acceptance "
            + "(a transition to ACCEPTED, approver role) needs the latest evaluation to say PASS. Idempotency-Key makes a retry safe.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = EvaluationView.class)))
    @APIResponse(responseCode = "422", description = "Validation failed (score above maxScore, date), or rule pilot-not-under-evaluation")
    public Response evaluate(@PathParam("id") long id, @Valid @NotNull NewEvaluation request,
            @HeaderParam(IdempotentCreate.HEADER) @Parameter(description = "Makes retries of this create safe") String key,
            @Context UriInfo uri) {
        return idempotent.created(key, request, uri, () -> {
            EvaluationView e = reports.evaluate(id, request);
            return Created.at("/api/v1/evaluations/" + e.id(), e);
        });
    }
}
