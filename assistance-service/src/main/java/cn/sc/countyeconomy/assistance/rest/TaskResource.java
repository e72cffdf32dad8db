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
import cn.sc.countyeconomy.assistance.TaskForceTask;
import cn.sc.countyeconomy.assistance.api.NewTask;
import cn.sc.countyeconomy.assistance.api.TaskUpdate;
import cn.sc.countyeconomy.assistance.api.TaskView;
import cn.sc.countyeconomy.assistance.client.UnderdevelopedCounties.DesignatedPeriod;
import cn.sc.countyeconomy.assistance.security.TaskCounties;
import cn.sc.countyeconomy.assistance.service.TaskService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

@Path("/api/v1/tasks")
@Tag(name = "task lists", description = "County task forces' lists: every task with a responsible unit and a deadline")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskResource {

    static final SortFields SORT = SortFields.of("id", "id", "deadline", "deadline", "countyCode", "countyCode", "status", "status");

    @Inject
    TaskService service;
    @Inject
    IdempotentCreate idempotent;

    @GET
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "listTasks", summary = "List tasks", description = "Filters: countyCode, status, overdue (true: deadline passed and not DONE, as of today "
            + "in Asia/Shanghai; false: the others). Sortable fields: id, deadline, countyCode, status.")
    @APIResponse(responseCode = "200", description = "A page of tasks", content = @Content(schema = @Schema(ref = "TaskPage")))
    public Response list(@BeanParam PageParams page, @QueryParam("countyCode") String countyParam,
            @QueryParam("status") String statusParam, @QueryParam("overdue") String overdueParam,
            @Context UriInfo uri) {
        String county = QueryParams.countyCode("countyCode", countyParam);
        TaskForceTask.TaskStatus status = QueryParams.enumValue(TaskForceTask.TaskStatus.class, "status", statusParam);
        Boolean overdue = QueryParams.booleanValue("overdue", overdueParam);
        return Paged.ok(service.list(county, status, overdue, SORT.panache(page.rawSort()), page), uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "getTask", summary = "Read a task")
    @APIResponse(responseCode = "200", description = "The task", content = @Content(schema = @Schema(implementation = TaskView.class)))
    public Response get(@PathParam("id") long id) {
        TaskView v = service.get(id);
        return Preconditions.ok(v, v.version()).build();
    }

    @POST
    @CountyScoped(body = "countyCode")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "createTask", summary = "Add a task to a county's list", description = "Starts OPEN. The county must be designated UNDERDEVELOPED_COUNTY by "
            + "county-registry-service on the deadline; the registry is asked on every create.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "422", description = "Invalid fields, or the county is not designated on the deadline (rule county-not-underdeveloped, naming the county and the date)")
    @APIResponse(responseCode = "503", description = "county-registry-service cannot be reached; nothing was written")
    public Response create(@HeaderParam(IdempotentCreate.HEADER) String key, @Valid @NotNull NewTask body, @Context UriInfo uri) {
        DesignatedPeriod designation = service.checkEligibility(body);
        return idempotent.created(key, body, uri, () -> {
            TaskView v = service.create(body, designation);
            return Created.at("/api/v1/tasks/" + v.id(), v).withETag(v.version());
        });
    }

    @PUT
    @CountyScoped(resource = TaskCounties.class)
    @Path("/{id}")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "updateTask", summary = "Update a task", description = "Needs If-Match. DONE needs completedOn (not in the future); other statuses must not have it. "
            + "A moved deadline is checked against county-registry-service as a create is (rule county-not-underdeveloped; 503 when it cannot be reached).")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "412", description = "The ETag is not the current one")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") long id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch, @Valid @NotNull TaskUpdate body) {
        TaskView v = service.update(id, ifMatch, body, service.checkEligibility(id, body));
        return Preconditions.ok(v, v.version()).build();
    }

    @DELETE
    @CountyScoped(resource = TaskCounties.class)
    @Path("/{id}")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "deleteTask", summary = "Remove a task from the list", description = "Needs If-Match. The audit trail keeps what it was.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "412", description = "The ETag is not the current one")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response delete(@PathParam("id") long id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
        service.delete(id, ifMatch);
        return Response.noContent().build();
    }
}
