package cn.sc.countyeconomy.reformpilot.rest;

import cn.sc.countyeconomy.api.request.QueryParams;
import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.csv.CsvExport;
import cn.sc.countyeconomy.api.idempotency.IdempotentCreate;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.PageResult;
import cn.sc.countyeconomy.api.paging.Paged;
import cn.sc.countyeconomy.api.paging.SortFields;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.reformpilot.Pilot;
import cn.sc.countyeconomy.reformpilot.PilotStatus;
import cn.sc.countyeconomy.reformpilot.mapping.MonitoringDtos.PilotProjection;
import cn.sc.countyeconomy.reformpilot.mapping.PilotDtos.LifecycleStep;
import cn.sc.countyeconomy.reformpilot.mapping.PilotDtos.NominationRequest;
import cn.sc.countyeconomy.reformpilot.mapping.PilotDtos.PilotView;
import cn.sc.countyeconomy.reformpilot.mapping.PilotDtos.TransitionRequest;
import cn.sc.countyeconomy.reformpilot.mapping.PilotDtos.TransitionView;
import cn.sc.countyeconomy.reformpilot.service.DeadlineProjection;
import cn.sc.countyeconomy.reformpilot.service.MonitoringService;
import cn.sc.countyeconomy.reformpilot.service.PilotService;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import cn.sc.countyeconomy.reformpilot.Evaluation;
import cn.sc.countyeconomy.reformpilot.LeadingTask;
import cn.sc.countyeconomy.reformpilot.Milestone;
import cn.sc.countyeconomy.reformpilot.ProgressReport;
import cn.sc.countyeconomy.reformpilot.mapping.ReportDtos.EvaluationRequest;
import cn.sc.countyeconomy.reformpilot.mapping.ReportDtos.EvaluationView;
import cn.sc.countyeconomy.reformpilot.mapping.ReportDtos.ReportRequest;
import cn.sc.countyeconomy.reformpilot.mapping.ReportDtos.ReportView;
import cn.sc.countyeconomy.reformpilot.mapping.TaskDtos.LeadingTaskRequest;
import cn.sc.countyeconomy.reformpilot.mapping.TaskDtos.LeadingTaskView;
import cn.sc.countyeconomy.reformpilot.mapping.TaskDtos.MilestoneRequest;
import cn.sc.countyeconomy.reformpilot.mapping.TaskDtos.MilestoneView;
import cn.sc.countyeconomy.reformpilot.service.ReportService;
import cn.sc.countyeconomy.reformpilot.service.TaskService;
import jakarta.ws.rs.PUT;
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

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

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
    @Operation(summary = "List pilots", description = "Filters: programId, countyCode, status (comma-separated), batch. "
            + "Sortable fields: id, countyCode, status, statusSince, programId. With Accept: text/csv the whole filtered list "
            + "comes as CSV (UTF-8).")
    @APIResponse(responseCode = "200", description = "A page of pilots (JSON, with Link and X-Total-Count) or CSV",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PilotPage.class)),
                    @Content(mediaType = CsvExport.MEDIA_TYPE, schema = @Schema(implementation = PilotRow.class))})
    public Response list(@QueryParam("programId") String programId, @QueryParam("countyCode") String countyCode,
                         @QueryParam("status") @Parameter(description = "One or more statuses, comma-separated", example = "IMPLEMENTING") String status,
                         @QueryParam("batch") String batch,
                         @BeanParam PageParams paging, @Context UriInfo uri, @Context HttpHeaders headers) {
        Long program = QueryParams.id("programId", programId);
        String county = QueryParams.countyCode("countyCode", countyCode);
        Set<PilotStatus> statuses = QueryParams.enums(PilotStatus.class, "status", status);
        Long batchNo = QueryParams.id("batch", batch);
        StringBuilder q = new StringBuilder("1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (program != null) {
            q.append(" and programId = :program");
            params.put("program", program);
        }
        if (county != null) {
            q.append(" and countyCode = :county");
            params.put("county", county);
        }
        if (statuses != null) {
            q.append(" and status in :statuses");
            params.put("statuses", statuses);
        }
        if (batchNo != null) {
            q.append(" and batch = :batch");
            params.put("batch", batchNo.intValue());
        }
        var sort = SORT.panache(paging.rawSort());
        if (QueryParams.wantsCsv(headers)) {
            return CsvExport.ok(PilotRow.class, () -> Pilot.<Pilot>find(q.toString(), sort, params).stream().map(PilotRow::of), "pilots.csv");
        }
        return Paged.ok(PageResult.of(Pilot.<Pilot>find(q.toString(), sort, params), paging, p -> PilotView.of(p, null)), uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.READER)
    @Operation(summary = "Read a pilot with its history", description = "The ETag carries its version, for If-Match on transitions.")
    @APIResponse(responseCode = "200", description = "The pilot", content = @Content(schema = @Schema(implementation = PilotView.class)))
    public Response get(@PathParam("id") long id) {
        Pilot p = pilots.require(id);
        return Preconditions.ok(PilotView.of(p, pilots.history(id)), p.version).build();
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Nominate a county", description = "Creates a pilot in status NOMINATED. The county must be ACTIVE in "
            + "county-registry-service on nominatedOn (asked live; the county's name is taken from there). A token limited to "
            + "counties may nominate only those. Idempotency-Key makes a retry safe.")
    @APIResponse(responseCode = "201", description = "Nominated; Location names the pilot", content = @Content(schema = @Schema(implementation = PilotView.class)))
    @APIResponse(responseCode = "409", description = "The county is already a live pilot of the programme")
    @APIResponse(responseCode = "422", description = "Validation failed; rule county-unknown (not in the registry), county-not-active "
            + "(RETIRED or NOT_YET_VALID on that date), nomination-before-launch, nomination-after-deadline; or the Idempotency-Key was used with another body")
    @APIResponse(responseCode = "503", description = "county-registry-service cannot be reached; nothing was written. Retry-After says when to retry.")
    public Response nominate(@Valid @NotNull NominationRequest request,
                             @HeaderParam(IdempotentCreate.HEADER) @Parameter(description = "Makes retries of this create safe") String key,
                             @Context UriInfo uri) {
        return idempotent.create(key, request, uri, () -> {
            Pilot p = pilots.nominate(request);
            return Response.created(uri.getBaseUriBuilder().path("api/v1/pilots/{id}").build(p.id))
                    .tag(Preconditions.etag(p.version)).entity(PilotView.of(p, pilots.history(p.id))).build();
        });
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.EDITOR, Roles.APPROVER})
    @Operation(summary = "Move a pilot to another status", description = "Legal moves: NOMINATED -> APPROVED | WITHDRAWN; "
            + "APPROVED -> IMPLEMENTING | WITHDRAWN; IMPLEMENTING -> UNDER_EVALUATION | WITHDRAWN; UNDER_EVALUATION -> ACCEPTED | "
            + "REJECTED | IMPLEMENTING (rectification) | WITHDRAWN; ACCEPTED, REJECTED and WITHDRAWN are final. APPROVED, ACCEPTED and "
            + "REJECTED need the approver role, the others editor (WITHDRAWN: editor or approver). ACCEPTED needs a PASS evaluation, "
            + "REJECTED a FAIL one, recorded while under evaluation. Requires If-Match. Approval records a REFORM_PILOT designation "
            + "in county-registry-service (validFrom = date) and stores its id; withdrawal and rejection end that designation on the date (an accepted pilot keeps it). "
            + "If the registry cannot be reached: 503 with Retry-After and nothing is written.")
    @APIResponse(responseCode = "200", description = "The pilot after the transition", content = @Content(schema = @Schema(implementation = PilotView.class)))
    @APIResponse(responseCode = "409", description = "Illegal transition: the problem names from, to and the allowed next statuses (rule illegal-transition)")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
    @APIResponse(responseCode = "422", description = "Validation failed, or rule transition-date-order, evaluation-required, registry-refused")
    @APIResponse(responseCode = "428", description = "If-Match is required")
    @APIResponse(responseCode = "503", description = "county-registry-service cannot be reached; nothing was written. Retry-After says when to retry.")
    public Response transition(@PathParam("id") long id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
                               @Valid @NotNull TransitionRequest request) {
        Pilot p = pilots.transition(id, ifMatch, request);
        return Preconditions.ok(PilotView.of(p, pilots.history(id)), p.version).build();
    }

    @GET
    @Path("/{id}/transitions")
    @RolesAllowed(Roles.READER)
    @Operation(summary = "The lifecycle history of a pilot", description = "Oldest first: date, from, to, who (token subject), reason.")
    @APIResponse(responseCode = "200", description = "The transitions")
    public List<TransitionView> transitions(@PathParam("id") long id) {
        pilots.require(id);
        return pilots.history(id).stream().map(TransitionView::of).toList();
    }

    @GET
    @Path("/at-risk")
    @RolesAllowed(Roles.READER)
    @Produces({MediaType.APPLICATION_JSON, CsvExport.MEDIA_TYPE})
    @Operation(summary = "Deadline projections of active pilots", description = "By default only AT_RISK pilots: those whose remaining "
            + "milestones, at their own pace (done / days since implementation start), are projected to finish after the programme's "
            + "deadline. assessment=AT_RISK,INSUFFICIENT_DATA,... widens it. Filters: programId, countyCode. Sortable fields: pilotId, "
            + "projectedFinish, countyCode. Accept: text/csv gives CSV.")
    @APIResponse(responseCode = "200", description = "A page of projections or CSV",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectionPage.class)),
                    @Content(mediaType = CsvExport.MEDIA_TYPE, schema = @Schema(implementation = PilotProjection.class))})
    public Response atRisk(@QueryParam("programId") String programId, @QueryParam("countyCode") String countyCode,
                           @QueryParam("assessment") @Parameter(description = "Comma-separated; default AT_RISK") String assessment,
                           @BeanParam PageParams paging, @Context UriInfo uri, @Context HttpHeaders headers) {
        Set<DeadlineProjection.Assessment> wanted = QueryParams.enums(DeadlineProjection.Assessment.class, "assessment", assessment);
        Set<DeadlineProjection.Assessment> filter = wanted == null ? Set.of(DeadlineProjection.Assessment.AT_RISK) : wanted;
        Comparator<PilotProjection> order = RISK_SORT.comparator(paging.rawSort(), (p, field) -> switch (field) {
            case "projectedFinish" -> p.projectedFinish();
            case "countyCode" -> p.countyCode();
            default -> p.pilotId();
        });
        List<PilotProjection> list = monitoring.projections(QueryParams.id("programId", programId),
                        QueryParams.countyCode("countyCode", countyCode)).stream()
                .filter(p -> filter.contains(p.assessment())).sorted(order).toList();
        if (QueryParams.wantsCsv(headers)) {
            return CsvExport.ok(PilotProjection.class, list::stream, "pilots-at-risk.csv");
        }
        return Paged.ok(PageResult.ofList(list, paging), uri);
    }

    static final SortFields MILESTONE_SORT = SortFields.of("plannedDate", "plannedDate", "id", "id", "status", "status");
    static final SortFields REPORT_SORT = SortFields.of("period", "period", "id", "id", "submittedOn", "submittedOn");
    static final SortFields EVALUATION_SORT = SortFields.of("evaluatedOn", "evaluatedOn", "id", "id");

    @Inject
    TaskService tasks;

    @Inject
    ReportService reports;

    @GET
    @Path("/{id}/leading-task")
    @RolesAllowed(Roles.READER)
    @Operation(summary = "Read the pilot's leading reform task", description = "404 while none is recorded. The ETag is for If-Match on PUT.")
    @APIResponse(responseCode = "200", description = "The leading task", content = @Content(schema = @Schema(implementation = LeadingTaskView.class)))
    public Response task(@PathParam("id") long id) {
        LeadingTask t = tasks.task(id);
        return Preconditions.ok(LeadingTaskView.of(t), t.version).build();
    }

    @POST
    @Path("/{id}/leading-task")
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Record the pilot's leading reform task", description = "One per pilot. The reform area (and those of the "
            + "supporting measures) must be areas of the pilot's programme. Not for pilots in a final status. Idempotency-Key makes a retry safe.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = LeadingTaskView.class)))
    @APIResponse(responseCode = "409", description = "The pilot has a leading task already")
    @APIResponse(responseCode = "422", description = "Validation failed (e.g. area not of the programme), or rule pilot-final")
    public Response createTask(@PathParam("id") long id, @Valid @NotNull LeadingTaskRequest request,
                               @HeaderParam(IdempotentCreate.HEADER) @Parameter(description = "Makes retries of this create safe") String key,
                               @Context UriInfo uri) {
        return idempotent.create(key, request, uri, () -> {
            LeadingTask t = tasks.createTask(id, request);
            return Response.created(uri.getBaseUriBuilder().path("api/v1/pilots/{id}/leading-task").build(id))
                    .tag(Preconditions.etag(t.version)).entity(LeadingTaskView.of(t)).build();
        });
    }

    @PUT
    @Path("/{id}/leading-task")
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Change the pilot's leading reform task", description = "Requires If-Match with the task's current ETag.")
    @APIResponse(responseCode = "200", description = "The changed task", content = @Content(schema = @Schema(implementation = LeadingTaskView.class)))
    public Response updateTask(@PathParam("id") long id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
                               @Valid @NotNull LeadingTaskRequest request) {
        LeadingTask t = tasks.updateTask(id, ifMatch, request);
        return Preconditions.ok(LeadingTaskView.of(t), t.version).build();
    }

    @GET
    @Path("/{id}/milestones")
    @RolesAllowed(Roles.READER)
    @Operation(summary = "List the pilot's milestones", description = "Paged. Sortable fields: plannedDate, id, status.")
    @APIResponse(responseCode = "200", description = "A page of milestones with Link and X-Total-Count")
    public Response milestones(@PathParam("id") long id, @BeanParam PageParams paging, @Context UriInfo uri) {
        pilots.require(id);
        return Paged.ok(PageResult.of(Milestone.<Milestone>find("pilotId", MILESTONE_SORT.panache(paging.rawSort()), id),
                paging, MilestoneView::of), uri);
    }

    @POST
    @Path("/{id}/milestones")
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Add a milestone to the pilot's leading task", description = "Dependencies must be milestones of the same "
            + "pilot. A DONE milestone needs an actualDate (not in the future) and all its dependencies DONE, on or before that date. "
            + "Idempotency-Key makes a retry safe.")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = MilestoneView.class)))
    @APIResponse(responseCode = "422", description = "Validation failed, or rule leading-task-required, dependency-other-pilot, "
            + "dependency-not-done (blockedBy lists them), done-before-dependency, pilot-final")
    public Response createMilestone(@PathParam("id") long id, @Valid @NotNull MilestoneRequest request,
                                    @HeaderParam(IdempotentCreate.HEADER) @Parameter(description = "Makes retries of this create safe") String key,
                                    @Context UriInfo uri) {
        return idempotent.create(key, request, uri, () -> {
            Milestone m = tasks.createMilestone(id, request);
            return Response.created(uri.getBaseUriBuilder().path("api/v1/milestones/{id}").build(m.id))
                    .tag(Preconditions.etag(m.version)).entity(MilestoneView.of(m)).build();
        });
    }

    @GET
    @Path("/{id}/reports")
    @RolesAllowed(Roles.READER)
    @Operation(summary = "List the pilot's progress reports", description = "Paged. Sortable fields: period, id, submittedOn.")
    @APIResponse(responseCode = "200", description = "A page of reports with Link and X-Total-Count")
    public Response reportList(@PathParam("id") long id, @BeanParam PageParams paging, @Context UriInfo uri) {
        pilots.require(id);
        return Paged.ok(PageResult.of(ProgressReport.<ProgressReport>find("pilotId", REPORT_SORT.panache(paging.rawSort()), id),
                paging, ReportView::of), uri);
    }

    @POST
    @Path("/{id}/reports")
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Submit a progress report for a quarter", description = "One per pilot and quarter (e.g. 2024-Q3), for "
            + "APPROVED, IMPLEMENTING or UNDER_EVALUATION pilots, once the quarter has begun. It is due "
            + "reform-pilot.report-due-days (15) days after the quarter ends; submitted later, it is marked late. "
            + "Idempotency-Key makes a retry safe.")
    @APIResponse(responseCode = "201", description = "Submitted", content = @Content(schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "409", description = "The pilot has a report for this quarter already")
    @APIResponse(responseCode = "422", description = "Validation failed (period format, quarter not begun), or rule pilot-not-reporting, pilot-final")
    public Response submitReport(@PathParam("id") long id, @Valid @NotNull ReportRequest request,
                                 @HeaderParam(IdempotentCreate.HEADER) @Parameter(description = "Makes retries of this create safe") String key,
                                 @Context UriInfo uri) {
        return idempotent.create(key, request, uri, () -> {
            ProgressReport r = reports.submit(id, request);
            return Response.created(uri.getBaseUriBuilder().path("api/v1/reports/{id}").build(r.id))
                    .tag(Preconditions.etag(r.version)).entity(ReportView.of(r)).build();
        });
    }

    @GET
    @Path("/{id}/evaluations")
    @RolesAllowed(Roles.READER)
    @Operation(summary = "List the pilot's evaluations", description = "Paged. Sortable fields: evaluatedOn, id.")
    @APIResponse(responseCode = "200", description = "A page of evaluations with Link and X-Total-Count")
    public Response evaluations(@PathParam("id") long id, @BeanParam PageParams paging, @Context UriInfo uri) {
        pilots.require(id);
        return Paged.ok(PageResult.of(Evaluation.<Evaluation>find("pilotId", EVALUATION_SORT.panache(paging.rawSort()), id),
                paging, EvaluationView::of), uri);
    }

    @POST
    @Path("/{id}/evaluations")
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Record an evaluation", description = "While the pilot is UNDER_EVALUATION: evaluator, criteria with scores "
            + "(0 to maxScore) and comments, verdict PASS / FAIL / RECTIFY. The verdict does not move the pilot: acceptance "
            + "(a transition to ACCEPTED, approver role) needs the latest evaluation to say PASS. Idempotency-Key makes a retry safe.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = EvaluationView.class)))
    @APIResponse(responseCode = "422", description = "Validation failed (score above maxScore, date), or rule pilot-not-under-evaluation")
    public Response evaluate(@PathParam("id") long id, @Valid @NotNull EvaluationRequest request,
                             @HeaderParam(IdempotentCreate.HEADER) @Parameter(description = "Makes retries of this create safe") String key,
                             @Context UriInfo uri) {
        return idempotent.create(key, request, uri, () -> {
            Evaluation e = reports.evaluate(id, request);
            return Response.created(uri.getBaseUriBuilder().path("api/v1/evaluations/{id}").build(e.id))
                    .entity(EvaluationView.of(e)).build();
        });
    }

    @Schema(name = "PilotRow", description = "A pilot as a CSV row.")
    @JsonPropertyOrder({"id", "programId", "batch", "countyCode", "countyName", "prefectureName", "status", "statusSince",
            "nominatedOn", "implementationStart", "designationId"})
    public record PilotRow(long id, long programId, int batch, String countyCode, String countyName, String prefectureName,
                           PilotStatus status, LocalDate statusSince, LocalDate nominatedOn, LocalDate implementationStart,
                           Long designationId) {
        static PilotRow of(Pilot p) {
            return new PilotRow(p.id, p.programId, p.batch, p.countyCode, p.countyName, p.prefectureName, p.status,
                    p.statusSince, p.nominatedOn, p.implementationStart, p.designationId);
        }
    }

    @Schema(name = "PilotPage")
    static class PilotPage {
        public List<PilotView> items;
        public int page;
        public int size;
        public long totalItems;
        public int totalPages;
    }

    @Schema(name = "PilotProjectionPage")
    static class ProjectionPage {
        public List<PilotProjection> items;
        public int page;
        public int size;
        public long totalItems;
        public int totalPages;
    }
}
