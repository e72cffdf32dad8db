package cn.sc.countyeconomy.assistance.rest;

import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.idempotency.Created;
import cn.sc.countyeconomy.api.idempotency.IdempotentCreate;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.Paged;
import cn.sc.countyeconomy.api.paging.SortFields;
import cn.sc.countyeconomy.api.request.QueryParams;
import cn.sc.countyeconomy.api.security.CountyScoped;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.assistance.ProjectStatus;
import cn.sc.countyeconomy.assistance.ProjectTerm;
import cn.sc.countyeconomy.assistance.api.NewProject;
import cn.sc.countyeconomy.assistance.api.ProjectTransition;
import cn.sc.countyeconomy.assistance.api.ProjectUpdate;
import cn.sc.countyeconomy.assistance.api.ProjectView;
import cn.sc.countyeconomy.assistance.api.StatusChangeView;
import cn.sc.countyeconomy.assistance.client.UnderdevelopedCounties.DesignatedPeriod;
import cn.sc.countyeconomy.assistance.mapping.IatiActivityMapper;
import cn.sc.countyeconomy.assistance.security.ProjectCounties;
import cn.sc.countyeconomy.assistance.service.ProjectService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

import java.util.List;
import java.util.Map;

@Path("/api/v1/projects")
@Tag(name = "projects", description = "Assistance projects (IATI activities), their status pipeline, results and fund transactions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProjectResource {

    static final SortFields SORT = SortFields.of("id", "id", "countyCode", "countyCode", "plannedStart", "plannedStart",
            "status", "status", "budget", "budget", "title", "title");

    @Inject
    ProjectService service;
    @Inject
    IdempotentCreate idempotent;

    @GET
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "listProjects", summary = "List projects", description = "Filters: countyCode, forceCode, status, term, leadOrganisationId. "
            + "Sortable fields: id, countyCode, plannedStart, status, budget, title.")
    @APIResponse(responseCode = "200", description = "A page of projects", content = @Content(schema = @Schema(ref = "ProjectPage")))
    public Response list(@BeanParam PageParams page, @QueryParam("countyCode") String countyParam,
            @QueryParam("forceCode") String forceCode, @QueryParam("status") String statusParam,
            @QueryParam("term") String termParam, @QueryParam("leadOrganisationId") String leadParam,
            @Context UriInfo uri) {
        String county = QueryParams.countyCode("countyCode", countyParam);
        ProjectStatus status = QueryParams.enumValue(ProjectStatus.class, "status", statusParam);
        ProjectTerm term = QueryParams.enumValue(ProjectTerm.class, "term", termParam);
        Long lead = QueryParams.id("leadOrganisationId", leadParam);
        return Paged.ok(service.list(county, forceCode, status, term, lead, SORT.panache(page.rawSort()), page), uri);
    }

    @GET
    @Path("/{id}")
    @Produces({MediaType.APPLICATION_JSON, IatiActivityMapper.MEDIA_TYPE})
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "getProject", summary = "Read a project", description = "With Accept: application/vnd.iati+json the answer is the project as an IATI activity "
            + "(the same document as /projects/{id}/iati); otherwise the project as JSON with its ETag.")
    @APIResponse(responseCode = "200", description = "The project", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectView.class)),
            @Content(mediaType = IatiActivityMapper.MEDIA_TYPE, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT))})
    public Response get(@PathParam("id") long id, @HeaderParam("Accept") String accept) {
        if (accept != null && accept.contains(IatiActivityMapper.MEDIA_TYPE)) {
            return Response.ok(service.iati(id), IatiActivityMapper.MEDIA_TYPE).build();
        }
        ProjectView v = service.get(id);
        return Preconditions.ok(v, v.version()).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/{id}/iati")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "getProjectIati", summary = "Export a project as an IATI activity", description = "IATI Activity Standard 2.03 element and attribute names in JSON: "
            + "iati-identifier, reporting-org, title, description, participating-org (role 2 for the lead; 1, 3, 4 for partners), "
            + "activity-status, activity-date (1-4), recipient-country, location, sector (vocabulary 99), budget, "
            + "transaction (type 2 commitment, 3 disbursement, 4 expenditure) and result (indicator, baseline, periods).")
    @APIResponse(responseCode = "200", description = "The IATI activity")
    public Map<String, Object> iati(@PathParam("id") long id) {
        return service.iati(id);
    }

    @POST
    @CountyScoped(body = "countyCode")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "createProject", summary = "Create a project", description = "Created in status PIPELINE. The lead organisation must be paired with the county "
            + "on plannedStart; the project's force is the lead's. Amounts in CNY with at most 2 decimals. The county must be designated "
            + "UNDERDEVELOPED_COUNTY by county-registry-service on every day of [plannedStart, plannedEnd]; the registry is asked on every create.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "422", description = "Invalid fields, or the lead has no pairing with the county (rule lead-organisation-not-paired), or the county is not designated over the whole "
            + "planned period (rule county-not-underdeveloped, naming the county and the first day it is not)")
    @APIResponse(responseCode = "503", description = "county-registry-service cannot be reached; nothing was written")
    public Response create(@HeaderParam(IdempotentCreate.HEADER) String key, @Valid @NotNull NewProject body, @Context UriInfo uri) {
        DesignatedPeriod designation = service.checkEligibility(body);
        return idempotent.created(key, body, uri, () -> {
            ProjectView v = service.create(body, designation);
            return Created.at("/api/v1/projects/" + v.id(), v).withETag(v.version());
        });
    }

    @PUT
    @CountyScoped(resource = ProjectCounties.class)
    @Path("/{id}")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "updateProject", summary = "Update a project's description and plan", description = "Needs If-Match. Status changes go through POST /projects/{id}/transitions. "
            + "A moved planned period is checked against county-registry-service as a create is (rule county-not-underdeveloped; 503 when it cannot be reached).")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "412", description = "The ETag is not the current one")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") long id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch, @Valid @NotNull ProjectUpdate body) {
        ProjectView v = service.update(id, ifMatch, body, service.checkEligibility(id, body));
        return Preconditions.ok(v, v.version()).build();
    }

    @POST
    @CountyScoped(resource = ProjectCounties.class)
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.EDITOR, Roles.APPROVER})
    @Operation(operationId = "transitionProject", summary = "Change a project's status on a date", description = "Legal transitions: PIPELINE -> APPROVED | CANCELLED; "
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
    @Operation(operationId = "listProjectTransitions", summary = "A project's dated status history")
    @APIResponse(responseCode = "200", description = "Status changes, oldest first")
    public List<StatusChangeView> history(@PathParam("id") long id) {
        return service.history(id);
    }
}
