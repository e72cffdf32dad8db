package cn.sc.countyeconomy.reformpilot.rest;

import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.csv.CsvExport;
import cn.sc.countyeconomy.api.idempotency.Created;
import cn.sc.countyeconomy.api.idempotency.IdempotentCreate;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.PageResult;
import cn.sc.countyeconomy.api.paging.Paged;
import cn.sc.countyeconomy.api.paging.SortFields;
import cn.sc.countyeconomy.api.request.QueryParams;
import cn.sc.countyeconomy.api.security.CountyScoped;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.reformpilot.PilotStatus;
import cn.sc.countyeconomy.reformpilot.api.NewPilot;
import cn.sc.countyeconomy.reformpilot.api.NewTransition;
import cn.sc.countyeconomy.reformpilot.api.PilotPage;
import cn.sc.countyeconomy.reformpilot.api.PilotProjection;
import cn.sc.countyeconomy.reformpilot.api.PilotProjectionPage;
import cn.sc.countyeconomy.reformpilot.api.PilotRow;
import cn.sc.countyeconomy.reformpilot.api.PilotView;
import cn.sc.countyeconomy.reformpilot.api.TransitionView;
import cn.sc.countyeconomy.reformpilot.security.PilotCounties;
import cn.sc.countyeconomy.reformpilot.service.DeadlineProjection;
import cn.sc.countyeconomy.reformpilot.service.MonitoringService;
import cn.sc.countyeconomy.reformpilot.service.PilotService;
import io.quarkus.panache.common.Sort;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Pilots: the collection, nomination, the lifecycle and deadline risk. A pilot's leading task,
 * milestones, reports and evaluations have resources of their own ({@code PilotLeadingTaskResource}, ...).
 */
@Path("/api/v1/pilots")
@Tag(name = "Pilots", description = "Pilots: nomination, lifecycle, deadline risk, and their leading task, milestones, progress reports and evaluations.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PilotResource {

    static final SortFields SORT = SortFields.of("id", "id", "countyCode", "countyCode", "status", "status",
            "statusSince", "statusSince", "programId", "programId");
    static final SortFields RISK_SORT = SortFields.of("pilotId", "pilotId", "projectedFinish", "projectedFinish",
            "countyCode", "countyCode");

    @Inject
    PilotService pilots;

    @Inject
    MonitoringService monitoring;

    @Inject
    IdempotentCreate idempotent;

    @GET
    @RolesAllowed(Roles.READER)
    @Produces({MediaType.APPLICATION_JSON, CsvExport.MEDIA_TYPE})
    @Operation(operationId = "listPilots", summary = "List pilots", description = "Filters: programId, countyCode, status (comma-separated), batch. "
            + "Sortable fields: id, countyCode, status, statusSince, programId. With Accept: text/csv the whole filtered list "
            + "comes as CSV (UTF-8).")
    @APIResponse(responseCode = "200", description = "A page of pilots (JSON, with Link and X-Total-Count) or CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PilotPage.class)),
            @Content(mediaType = CsvExport.MEDIA_TYPE, schema = @Schema(implementation = PilotRow.class))})
    public Response list(@QueryParam("programId") String programId, @QueryParam("countyCode") String countyCode,
            @QueryParam("status") @Parameter(description = "One or more statuses, comma-separated", example = "IMPLEMENTING") String status,
            @QueryParam("batch") String batch,
            @BeanParam PageParams paging, @Context UriInfo uri, @Context HttpHeaders headers) {
        Long program = QueryParams.id("programId", programId);
        String county = QueryParams.countyCode("countyCode", countyCode);
        Set<PilotStatus> statuses = QueryParams.enums(PilotStatus.class, "status", status);
        Long batchNo = QueryParams.id("batch", batch);
        Integer batchNumber = batchNo == null ? null : batchNo.intValue();
        Sort sort = SORT.panache(paging.rawSort());
        if (QueryParams.wantsCsv(headers)) {
            List<PilotRow> rows = pilots.rows(program, county, statuses, batchNumber, sort);
            return CsvExport.ok(PilotRow.class, rows::stream, "pilots.csv");
        }
        return Paged.ok(pilots.list(program, county, statuses, batchNumber, sort, paging), uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "getPilot", summary = "Read a pilot with its history", description = "The ETag carries its version, for If-Match on transitions.")
    @APIResponse(responseCode = "200", description = "The pilot", content = @Content(schema = @Schema(implementation = PilotView.class)))
    public Response get(@PathParam("id") long id) {
        PilotView p = pilots.get(id);
        return Preconditions.ok(p, p.version()).build();
    }

    @POST
    @CountyScoped(body = "countyCode")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "createPilot", summary = "Nominate a county", description = "Creates a pilot in status NOMINATED. The county must be ACTIVE in "
            + "county-registry-service on nominatedOn, as this service's local copy of the registry's facts holds it (followed from the "
            + "registry's change feed, so a nomination goes on while the registry is down; the county's name is taken from there). "
            + "A code retired by then is refused (county-not-active) with the codes that took it over in `successors`. A token limited to "
            + "counties may nominate only those. Idempotency-Key makes a retry safe.")
    @APIResponse(responseCode = "201", description = "Nominated; Location names the pilot", content = @Content(schema = @Schema(implementation = PilotView.class)))
    @APIResponse(responseCode = "409", description = "The county is already a live pilot of the programme")
    @APIResponse(responseCode = "422", description = "Validation failed; rule county-unknown (not in the registry), county-not-active "
            + "(RETIRED or NOT_YET_VALID on that date), nomination-before-launch, nomination-after-deadline; or the Idempotency-Key was used with another body")
    @APIResponse(responseCode = "503", description = "The local copy of the registry's facts was never loaded (county-registry-service was not "
            + "reached since this service's database was created); nothing was written. Retry-After says when to retry.")
    public Response nominate(@Valid @NotNull NewPilot request,
            @HeaderParam(IdempotentCreate.HEADER) @Parameter(description = "Makes retries of this create safe") String key,
            @Context UriInfo uri) {
        return idempotent.created(key, request, uri, () -> {
            PilotView p = pilots.nominate(request);
            return Created.at("/api/v1/pilots/" + p.id(), p).withETag(p.version());
        });
    }

    @POST
    @CountyScoped(resource = PilotCounties.class)
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.EDITOR, Roles.APPROVER})
    @Operation(operationId = "transitionPilot", summary = "Move a pilot to another status", description = "Legal moves: NOMINATED -> APPROVED | WITHDRAWN; "
            + "APPROVED -> IMPLEMENTING | WITHDRAWN; IMPLEMENTING -> UNDER_EVALUATION | WITHDRAWN; UNDER_EVALUATION -> ACCEPTED | "
            + "REJECTED | IMPLEMENTING (rectification) | WITHDRAWN; ACCEPTED, REJECTED and WITHDRAWN are final. APPROVED, ACCEPTED and "
            + "REJECTED need the approver role, the others editor (WITHDRAWN: editor or approver). ACCEPTED needs a PASS evaluation, "
            + "REJECTED a FAIL one, recorded while under evaluation. Requires If-Match. Approval records a REFORM_PILOT designation "
            + "in county-registry-service (validFrom = date) and stores its id; withdrawal and rejection end that designation on the date (an accepted pilot keeps it). "
            + "The registry write is recorded in this service's outbox in the transition's transaction and sent afterwards, so the transition "
            + "answers whether or not the registry can be reached; the pilot's registrySync shows the write's state (PENDING, SYNCED, FAILED).")
    @APIResponse(responseCode = "200", description = "The pilot after the transition", content = @Content(schema = @Schema(implementation = PilotView.class)))
    @APIResponse(responseCode = "409", description = "Illegal transition: the problem names from, to and the allowed next statuses (rule illegal-transition)")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
    @APIResponse(responseCode = "422", description = "Validation failed, or rule transition-date-order, evaluation-required, registry-refused")
    @APIResponse(responseCode = "428", description = "If-Match is required")
    public Response transition(@PathParam("id") long id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
            @Valid @NotNull NewTransition request) {
        PilotView p = pilots.transition(id, ifMatch, request);
        return Preconditions.ok(p, p.version()).build();
    }

    @GET
    @Path("/{id}/transitions")
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "listPilotTransitions", summary = "The lifecycle history of a pilot", description = "Oldest first: date, from, to, who (token subject), reason.")
    @APIResponse(responseCode = "200", description = "The transitions")
    public List<TransitionView> transitions(@PathParam("id") long id) {
        return pilots.history(id);
    }

    @GET
    @Path("/at-risk")
    @RolesAllowed(Roles.READER)
    @Produces({MediaType.APPLICATION_JSON, CsvExport.MEDIA_TYPE})
    @Operation(operationId = "listPilotsAtRisk", summary = "Deadline projections of active pilots", description = "By default the pilots at risk: OVERDUE (deadline "
            + "passed, not accepted), NO_DATA past the first quarter, AT_RISK (the later of the pace estimate and the critical path over "
            + "the planned dates is after the deadline). assessment=ON_TRACK,NO_DATA,... chooses instead. Filters: programId, countyCode. Sortable fields: pilotId, "
            + "projectedFinish, countyCode. Accept: text/csv gives CSV.")
    @APIResponse(responseCode = "200", description = "A page of projections or CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PilotProjectionPage.class)),
            @Content(mediaType = CsvExport.MEDIA_TYPE, schema = @Schema(implementation = PilotProjection.class))})
    public Response atRisk(@QueryParam("programId") String programId, @QueryParam("countyCode") String countyCode,
            @QueryParam("assessment") @Parameter(description = "Comma-separated; default: the pilots at risk") String assessment,
            @BeanParam PageParams paging, @Context UriInfo uri, @Context HttpHeaders headers) {
        Set<DeadlineProjection.Assessment> wanted = QueryParams.enums(DeadlineProjection.Assessment.class, "assessment", assessment);
        Comparator<PilotProjection> order = RISK_SORT.comparator(paging.rawSort(), (p, field) -> switch (field) {
            case "projectedFinish" -> p.projectedFinish();
            case "countyCode" -> p.countyCode();
            default -> p.pilotId();
        });
        List<PilotProjection> list = monitoring.projections(QueryParams.id("programId", programId),
                QueryParams.countyCode("countyCode", countyCode), wanted, order);
        if (QueryParams.wantsCsv(headers)) {
            return CsvExport.ok(PilotProjection.class, list::stream, "pilots-at-risk.csv");
        }
        return Paged.ok(PageResult.ofList(list, paging), uri);
    }
}
