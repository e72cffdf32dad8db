package cn.sc.countyeconomy.assessment.rest;

import cn.sc.countyeconomy.api.idempotency.Created;
import cn.sc.countyeconomy.api.idempotency.IdempotentCreate;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.Paged;
import cn.sc.countyeconomy.api.ratelimit.RateLimited;
import cn.sc.countyeconomy.api.security.ProvinceWide;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.assessment.api.JobView;
import cn.sc.countyeconomy.assessment.api.NewRun;
import cn.sc.countyeconomy.assessment.api.RunView;
import cn.sc.countyeconomy.assessment.api.SensitivityRequest;
import cn.sc.countyeconomy.assessment.service.RunService;
import cn.sc.countyeconomy.assessment.service.SensitivityService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

import java.net.URI;

@Path("/api/v1/runs")
@Tag(name = "runs", description = "Scoring runs, their results and sensitivity analyses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RunResource {

    @Inject
    RunService runs;
    @Inject
    SensitivityService sensitivity;
    @Inject
    IdempotentCreate idempotent;
    @Context
    UriInfo uri;

    @POST
    @ProvinceWide("run scoring, which ranks every county")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "createScoringRun", summary = "Compute a scoring run", description = "From the APPROVED data of the year and the registry's categories for "
            + "the year, with a PUBLISHED scheme version. Stored immutably with the scheme version and the SHA-256 of its inputs; "
            + "the same inputs give the same hash and identical results. Idempotency-Key supported.")
    @APIResponse(responseCode = "201", description = "The run", content = @Content(schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "422", description = "Unknown or unpublished scheme version")
    @APIResponse(responseCode = "503", description = "county-registry-service unavailable: Retry-After, nothing written")
    public Response create(@Valid @NotNull NewRun in, @HeaderParam(IdempotentCreate.HEADER) String key) {
        // the registry is asked before the create's transaction opens (its retries must not hold a database connection)
        RunService.Outside outside = runs.prepare(in.year(), in.schemeVersion());
        return idempotent.created(key, in, uri, () -> {
            RunView v = runs.create(outside);
            return Created.at("/api/v1/runs/" + v.id(), v);
        });
    }

    @GET
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "listScoringRuns", summary = "List runs", description = "Paged; filter year; sortable: id, year, createdAt.")
    @APIResponse(responseCode = "200", description = "A page of runs", content = @Content(schema = @Schema(ref = "ScoringRunPage")))
    public Response list(@BeanParam PageParams page, @QueryParam("year") String yearText) {
        return Paged.ok(runs.list(yearText, page), uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "getScoringRun", summary = "Read a run")
    @APIResponse(responseCode = "200", description = "The run", content = @Content(schema = @Schema(implementation = RunView.class)))
    public RunView get(@PathParam("id") long id) {
        return runs.run(id);
    }

    @GET
    @Path("/{id}/results")
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "listRunResults", summary = "The per-county results of a run", description = "Ordered by category, rank, county; filter category; paged. "
            + "Each result has raw, imputed flag, treated and normalised value per indicator, area scores, overall, rank, red-line findings, award.")
    @APIResponse(responseCode = "200", description = "A page of results", content = @Content(schema = @Schema(ref = "CountyResultPage")))
    public Response results(@PathParam("id") long id, @BeanParam PageParams page, @QueryParam("category") String category) {
        return Paged.ok(runs.results(id, category, page), uri);
    }

    @POST
    @ProvinceWide("make a scoring run official")
    // takes no body: a POST without a Content-Type must reach authorization (401/403), not answer 415
    @Consumes(MediaType.WILDCARD)
    @Path("/{id}/official")
    @RolesAllowed(Roles.APPROVER)
    @Operation(operationId = "publishOfficialRun", summary = "Mark the official run of its year", description = "Approver. Rankings and scorecards read the official run; the "
            + "next year's rank changes are computed against it. Marking the run that is already official changes nothing.")
    @APIResponse(responseCode = "200", description = "The run, now official", content = @Content(schema = @Schema(implementation = RunView.class)))
    public RunView official(@PathParam("id") long id) {
        return runs.markOfficial(id);
    }

    @POST
    @ProvinceWide("run sensitivity analyses")
    @Path("/{id}/sensitivity")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "startSensitivityJob", summary = "Start a Monte Carlo sensitivity analysis", description = "Runs in the background; answers 202 with the job's "
            + "Location. Seeded: the same settings give the same result. Idempotency-Key supported.")
    @APIResponse(responseCode = "202", description = "Accepted; follow Location", content = @Content(schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "429", description = "More starts by this caller than the rate limit allows (default 4 in any minute per caller, counted across all replicas, replays included); "
            + "Retry-After says when to try again; nothing was started", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    // a thousand replications keep a core busy for minutes: at most 4 starts a minute per caller, on all replicas
    // together (api.rate-limits."sensitivity-start".limit and .window); every start request counts, a replay of an
    // Idempotency-Key included, a refused one not
    @RateLimited(value = "sensitivity-start", limit = 4, window = "PT1M")
    public Response sensitivity(@PathParam("id") long id, SensitivityRequest req, @HeaderParam(IdempotentCreate.HEADER) String key) {
        SensitivityRequest r = req == null ? new SensitivityRequest(null, null, null, null, null) : req;
        Response answer = idempotent.create(key, r, uri, () -> {
            JobView job = sensitivity.create(id, r);
            return Response.accepted(job).location(URI.create("/api/v1/jobs/" + job.id())).build();
        });
        // started after the job's transaction has committed; a replay finds it started already
        if (answer.getLocation() != null) {
            String path = answer.getLocation().getPath();
            sensitivity.start(Long.parseLong(path.substring(path.lastIndexOf('/') + 1)));
        }
        return answer;
    }
}
