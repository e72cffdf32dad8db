package cn.sc.countyeconomy.assistance.rest;

import cn.sc.countyeconomy.api.request.QueryParams;
import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.csv.CsvExport;
import cn.sc.countyeconomy.api.idempotency.IdempotentCreate;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.PageResult;
import cn.sc.countyeconomy.api.paging.Paged;
import cn.sc.countyeconomy.api.paging.SortFields;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.assistance.AssistanceProject;
import cn.sc.countyeconomy.assistance.AssistingOrganisation;
import cn.sc.countyeconomy.assistance.FundTransaction;
import cn.sc.countyeconomy.assistance.ProjectStatus;
import cn.sc.countyeconomy.assistance.ProjectStatusChange;
import cn.sc.countyeconomy.assistance.ProjectTerm;
import cn.sc.countyeconomy.assistance.ResultIndicator;
import cn.sc.countyeconomy.assistance.TransactionType;
import cn.sc.countyeconomy.assistance.mapping.Commands.NewIndicator;
import cn.sc.countyeconomy.assistance.mapping.Commands.NewProject;
import cn.sc.countyeconomy.assistance.mapping.Commands.NewTransaction;
import cn.sc.countyeconomy.assistance.mapping.Commands.ProjectTransition;
import cn.sc.countyeconomy.assistance.mapping.Commands.ProjectUpdate;
import cn.sc.countyeconomy.assistance.mapping.IatiActivityMapper;
import cn.sc.countyeconomy.assistance.mapping.Views.IndicatorView;
import cn.sc.countyeconomy.assistance.mapping.Views.ProjectView;
import cn.sc.countyeconomy.assistance.mapping.Views.StatusChangeView;
import cn.sc.countyeconomy.assistance.mapping.Views.TransactionView;
import cn.sc.countyeconomy.assistance.service.FundService;
import cn.sc.countyeconomy.assistance.service.ProjectService;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

@Path("/api/v1/projects")
@Tag(name = "projects", description = "Assistance projects (IATI activities), their status pipeline, results and fund transactions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProjectResource {

    static final SortFields SORT = SortFields.of("id", "id", "countyCode", "countyCode", "plannedStart", "plannedStart",
            "status", "status", "budget", "budget", "title", "title");
    static final SortFields TX_SORT = SortFields.of("id", "id", "date", "date", "amount", "amount", "type", "type");

    @Inject
    ProjectService service;
    @Inject
    FundService funds;
    @Inject
    IdempotentCreate idempotent;

    @GET
    @RolesAllowed(Roles.READER)
    @Operation(summary = "List projects", description = "Filters: countyCode, forceCode, status, term, leadOrganisationId. "
            + "Sortable fields: id, countyCode, plannedStart, status, budget, title.")
    @APIResponse(responseCode = "200", description = "A page of projects", content = @Content(schema = @Schema(implementation = PageResult.class)))
    public Response list(@BeanParam PageParams page, @QueryParam("countyCode") String countyParam,
                         @QueryParam("forceCode") String forceCode, @QueryParam("status") String statusParam,
                         @QueryParam("term") String termParam, @QueryParam("leadOrganisationId") String leadParam,
                         @Context UriInfo uri) {
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        String county = QueryParams.countyCode("countyCode", countyParam);
        ProjectStatus status = QueryParams.enumValue(ProjectStatus.class, "status", statusParam);
        ProjectTerm term = QueryParams.enumValue(ProjectTerm.class, "term", termParam);
        Long lead = QueryParams.id("leadOrganisationId", leadParam);
        if (county != null) {
            q.append(" and countyCode = :county");
            params.put("county", county);
        }
        if (forceCode != null) {
            q.append(" and forceCode = :force");
            params.put("force", forceCode);
        }
        if (status != null) {
            q.append(" and status = :status");
            params.put("status", status);
        }
        if (term != null) {
            q.append(" and term = :term");
            params.put("term", term);
        }
        if (lead != null) {
            q.append(" and leadOrganisationId = :lead");
            params.put("lead", lead);
        }
        return Paged.ok(PageResult.of(AssistanceProject.<AssistanceProject>find(q.toString(), SORT.panache(page.rawSort()), params),
                page, ProjectView::of), uri);
    }

    @GET
    @Path("/{id}")
    @Produces({MediaType.APPLICATION_JSON, IatiActivityMapper.MEDIA_TYPE})
    @RolesAllowed(Roles.READER)
    @Transactional
    @Operation(summary = "Read a project", description = "With Accept: application/vnd.iati+json the answer is the project as an IATI activity "
            + "(the same document as /projects/{id}/iati); otherwise the project as JSON with its ETag.")
    @APIResponse(responseCode = "200", description = "The project", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectView.class)),
            @Content(mediaType = IatiActivityMapper.MEDIA_TYPE, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT))})
    public Response get(@PathParam("id") long id, @HeaderParam("Accept") String accept) {
        if (accept != null && accept.contains(IatiActivityMapper.MEDIA_TYPE)) {
            return Response.ok(iatiActivity(id), IatiActivityMapper.MEDIA_TYPE).build();
        }
        AssistanceProject p = service.get(id);
        return Preconditions.ok(ProjectView.of(p), p.version).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/{id}/iati")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.READER)
    @Transactional
    @Operation(summary = "Export a project as an IATI activity", description = "IATI Activity Standard 2.03 element and attribute names in JSON: "
            + "iati-identifier, reporting-org, title, description, participating-org (role 2 for the lead; 1, 3, 4 for partners), "
            + "activity-status, activity-date (1-4), recipient-country, location, sector (vocabulary 99), budget, "
            + "transaction (type 2 commitment, 3 disbursement, 4 expenditure) and result (indicator, baseline, periods).")
    @APIResponse(responseCode = "200", description = "The IATI activity")
    public Map<String, Object> iati(@PathParam("id") long id) {
        return iatiActivity(id);
    }

    private Map<String, Object> iatiActivity(long id) {
        AssistanceProject p = service.get(id);
        List<FundTransaction> tx = FundTransaction.list("projectId", Sort.by("date").and("id"), id);
        List<ResultIndicator> results = ResultIndicator.list("projectId", Sort.by("id"), id);
        Map<Long, AssistingOrganisation> cache = new HashMap<>();
        return IatiActivityMapper.activity(p, oid -> cache.computeIfAbsent(oid, k -> AssistingOrganisation.findById(k)), tx, results);
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Create a project", description = "Created in status PIPELINE. The lead organisation must be paired with the county "
            + "on plannedStart; the project's force is the lead's. Amounts in CNY with at most 2 decimals.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "422", description = "Invalid fields, or the lead has no pairing with the county (rule lead-organisation-not-paired)")
    public Response create(@HeaderParam(IdempotentCreate.HEADER) String key, @Valid @NotNull NewProject body, @Context UriInfo uri) {
        return idempotent.create(key, body, uri, () -> {
            ProjectView v = service.create(body);
            return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(v.id())).build()).entity(v)
                    .tag(Preconditions.etag(v.version())).build();
        });
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Update a project's description and plan", description = "Needs If-Match. Status changes go through POST /projects/{id}/transitions.")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "412", description = "The ETag is not the current one")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") long id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch, @Valid @NotNull ProjectUpdate body) {
        ProjectView v = service.update(id, ifMatch, body);
        return Preconditions.ok(v, v.version()).build();
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.EDITOR, Roles.APPROVER})
    @Operation(summary = "Change a project's status on a date", description = "Legal transitions: PIPELINE -> APPROVED | CANCELLED; "
            + "APPROVED -> IN_PROGRESS | CANCELLED; IN_PROGRESS -> COMPLETED | SUSPENDED | CANCELLED; SUSPENDED -> IN_PROGRESS | CANCELLED. "
            + "APPROVED needs the approver role. The date is not in the future nor before the previous change. "
            + "The first IN_PROGRESS sets actualStart; COMPLETED and CANCELLED set actualEnd.")
    @APIResponse(responseCode = "200", description = "The project in its new status", content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "422", description = "Rules illegal-project-transition, transition-date-in-future, transition-date-before-previous")
    public Response transition(@PathParam("id") long id, @Valid @NotNull ProjectTransition body) {
        ProjectView v = service.transition(id, body);
        return Preconditions.ok(v, v.version()).build();
    }

    @GET
    @Path("/{id}/transitions")
    @RolesAllowed(Roles.READER)
    @Operation(summary = "A project's dated status history")
    @APIResponse(responseCode = "200", description = "Status changes, oldest first")
    public List<StatusChangeView> history(@PathParam("id") long id) {
        service.get(id);
        return ProjectStatusChange.<ProjectStatusChange>list("projectId", Sort.by("changedOn").and("id"), id).stream()
                .map(StatusChangeView::of).toList();
    }

    @POST
    @Path("/{id}/results")
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Add a result indicator", description = "Baseline and target/actual per period (IATI result/indicator).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = IndicatorView.class)))
    public Response addResult(@PathParam("id") long id, @HeaderParam(IdempotentCreate.HEADER) String key,
                              @Valid @NotNull NewIndicator body, @Context UriInfo uri) {
        return idempotent.create(key, body, uri, () -> {
            IndicatorView v = service.addIndicator(id, body);
            return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(v.id())).build()).entity(v).build();
        });
    }

    @PUT
    @Path("/{id}/results/{indicatorId}")
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Replace a result indicator", description = "Title, unit, baseline and the periods with target and actual, "
            + "typically to record actuals as they come in. Needs If-Match with the indicator's ETag (its version).")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = IndicatorView.class)))
    @APIResponse(responseCode = "412", description = "The ETag is not the current one")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response updateResult(@PathParam("id") long id, @PathParam("indicatorId") long indicatorId,
                                 @HeaderParam(Preconditions.IF_MATCH) String ifMatch, @Valid @NotNull NewIndicator body) {
        IndicatorView v = service.updateIndicator(id, indicatorId, ifMatch, body);
        return Preconditions.ok(v, v.version()).build();
    }

    @GET
    @Path("/{id}/results")
    @RolesAllowed(Roles.READER)
    @Operation(summary = "A project's result indicators")
    @APIResponse(responseCode = "200", description = "Indicators with their periods")
    @Transactional
    public List<IndicatorView> results(@PathParam("id") long id) {
        service.get(id);
        return ResultIndicator.<ResultIndicator>list("projectId", Sort.by("id"), id).stream().map(IndicatorView::of).toList();
    }

    @POST
    @Path("/{id}/transactions")
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Record a commitment, disbursement or expenditure", description = "amount: CNY, positive, at most 2 decimals. "
            + "Cumulative disbursements may not exceed cumulative commitments (rule disbursement-exceeds-commitment), cumulative expenditure "
            + "may not exceed cumulative disbursements (rule expenditure-exceeds-disbursement); the problem carries the figures. "
            + "correction=true with a correctionReason (admin only) records a correction that is exempt from these two rules. "
            + "Checked under a lock on the project, so concurrent transactions cannot together pass a limit.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = TransactionView.class)))
    @APIResponse(responseCode = "422", description = "Invalid amount (field amount) or a broken rule (member rule)")
    public Response addTransaction(@PathParam("id") long id, @HeaderParam(IdempotentCreate.HEADER) String key,
                                   @Valid @NotNull NewTransaction body, @Context UriInfo uri) {
        return idempotent.create(key, body, uri, () -> {
            TransactionView v = funds.add(id, body);
            return Response.created(uri.getBaseUriBuilder().path("api/v1/transactions").path(Long.toString(v.id())).build()).entity(v).build();
        });
    }

    @GET
    @Path("/{id}/transactions")
    @RolesAllowed(Roles.READER)
    @Produces({MediaType.APPLICATION_JSON, CsvExport.MEDIA_TYPE})
    @Operation(summary = "A project's fund transactions", description = "Filter: type. Sortable fields: id, date, amount, type. "
            + "Accept: text/csv streams all matching transactions as CSV.")
    @APIResponse(responseCode = "200", description = "A page of transactions (JSON) or all of them (CSV)",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageResult.class)),
                    @Content(mediaType = CsvExport.MEDIA_TYPE)})
    public Response transactions(@PathParam("id") long id, @BeanParam PageParams page, @QueryParam("type") String typeParam,
                                 @HeaderParam("Accept") String accept, @Context UriInfo uri) {
        service.get(id);
        TransactionType type = QueryParams.enumValue(TransactionType.class, "type", typeParam);
        String q = "projectId = :p" + (type == null ? "" : " and type = :t");
        Map<String, Object> params = new HashMap<>();
        params.put("p", id);
        if (type != null) {
            params.put("t", type);
        }
        Sort sort = TX_SORT.panache(page.rawSort());
        if (accept != null && accept.contains(CsvExport.MEDIA_TYPE)) {
            return CsvExport.ok(TransactionView.class, () -> FundTransaction.<FundTransaction>stream(q, sort, params).map(TransactionView::of),
                    "project-" + id + "-transactions.csv");
        }
        return Paged.ok(PageResult.of(FundTransaction.<FundTransaction>find(q, sort, params), page, TransactionView::of), uri);
    }
}
