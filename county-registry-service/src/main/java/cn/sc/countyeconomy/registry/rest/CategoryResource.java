package cn.sc.countyeconomy.registry.rest;

import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.idempotency.Created;
import cn.sc.countyeconomy.api.idempotency.IdempotentCreate;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.Paged;
import cn.sc.countyeconomy.api.problem.Problem;
import cn.sc.countyeconomy.api.request.QueryParams;
import cn.sc.countyeconomy.api.security.CountyScoped;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.registry.api.CategoryAssignmentUpdate;
import cn.sc.countyeconomy.registry.api.CategoryAssignmentView;
import cn.sc.countyeconomy.registry.api.EndCategoryAssignment;
import cn.sc.countyeconomy.registry.api.NewCategoryAssignment;
import cn.sc.countyeconomy.registry.security.CategoryAssignmentCounties;
import cn.sc.countyeconomy.registry.service.CategoryService;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The assessment categories and which county is in which, per year. */
@Path("/api/v1")
@Tag(name = "Assessment categories", description = "The four categories of the annual county economy assessment and the assignments per year")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READER)
public class CategoryResource {

    static final String PROBLEM = "application/problem+json";

    @Inject
    CategoryService service;
    @Inject
    IdempotentCreate idempotent;

    @GET
    @Path("/assessment-categories")
    @Operation(operationId = "listAssessmentCategories", summary = "List the assessment categories", description = "CITY_CORE_DISTRICT, KEY_DEVELOPMENT, MAIN_FARM_PRODUCE, KEY_ECOLOGICAL_FUNCTION. Paged.")
    @APIResponse(responseCode = "200", description = "A page of AssessmentCategory", content = @Content(schema = @Schema(ref = "AssessmentCategoryPage")))
    public Response categories(@BeanParam PageParams paging, @Context UriInfo uri) {
        return Paged.ok(service.categories(paging), uri);
    }

    @GET
    @Path("/category-assignments")
    @Operation(operationId = "listCategoryAssignments", summary = "List category assignments", description = "Assignments in force (ended ones drop out unless includeEnded=true), filtered by "
            + "year, county and category. Paged; sortable fields: id, countyCode, year, categoryCode.")
    @APIResponse(responseCode = "200", description = "A page of CategoryAssignment", content = @Content(schema = @Schema(ref = "CategoryAssignmentPage")))
    @APIResponse(responseCode = "400", description = "Bad parameter", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response list(@QueryParam("year") @Parameter(example = "2018") String year,
            @QueryParam("county") @Parameter(example = "510421") String county,
            @QueryParam("category") @Parameter(example = "MAIN_FARM_PRODUCE") String category,
            @QueryParam("includeEnded") @Parameter(description = "true: ended assignments too, each with its endedOn and endReason (default false)", example = "false") String includeEnded,
            @BeanParam PageParams paging, @Context UriInfo uri) {
        return Paged.ok(service.list(QueryParams.year("year", year, false), QueryParams.countyCode("county", county), Params.upper(category),
                Boolean.TRUE.equals(QueryParams.booleanValue("includeEnded", includeEnded)), paging), uri);
    }

    @GET
    @Path("/category-assignments/{id}")
    @Operation(operationId = "getCategoryAssignment", summary = "Read a category assignment")
    @APIResponse(responseCode = "200", description = "The assignment, with an ETag", content = @Content(schema = @Schema(implementation = CategoryAssignmentView.class)))
    @APIResponse(responseCode = "404", description = "Unknown id", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") String id) {
        CategoryAssignmentView v = service.get(QueryParams.requiredId("id", id));
        return Preconditions.ok(v, v.version()).build();
    }

    @POST
    @CountyScoped(body = "countyCode")
    @Path("/category-assignments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(operationId = "createCategoryAssignment", summary = "Assign a county to a category for a year (editor, admin)", description = "One assignment in force per county and "
            + "year (else 409). Supports Idempotency-Key. Audited; a CATEGORY_ASSIGNMENT CREATED event goes to the feed.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = CategoryAssignmentView.class)))
    @APIResponse(responseCode = "409", description = "The county already has a category for that year", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown county or category", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response create(@HeaderParam(IdempotentCreate.HEADER) String key, @Valid @NotNull NewCategoryAssignment body, @Context UriInfo uri) {
        return idempotent.created(key, body, uri, () -> {
            CategoryAssignmentView v = service.create(body);
            return Created.at("/api/v1/category-assignments/" + v.id(), v).withETag(v.version());
        });
    }

    @PUT
    @CountyScoped(resource = CategoryAssignmentCounties.class)
    @Path("/category-assignments/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(operationId = "correctCategoryAssignment", summary = "Correct a category assignment (editor, admin)", description = "Changes category and source. Requires If-Match. Audited; CORRECTED event.")
    @APIResponse(responseCode = "200", description = "The corrected assignment", content = @Content(schema = @Schema(implementation = CategoryAssignmentView.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response correct(@PathParam("id") String id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
            @Valid @NotNull CategoryAssignmentUpdate body) {
        CategoryAssignmentView v = service.correct(QueryParams.requiredId("id", id), ifMatch, body);
        return Preconditions.ok(v, v.version()).build();
    }

    @POST
    @CountyScoped(resource = CategoryAssignmentCounties.class)
    @Path("/category-assignments/{id}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(operationId = "endCategoryAssignment", summary = "End (withdraw) a category assignment (editor, admin)", description = "The assignment no longer counts: it drops out of "
            + "the lists of assignments in force and the county's category, and stays visible with its end in GET /counties/{code}/categories "
            + "and with includeEnded=true. Requires If-Match. Audited with the reason; ENDED event.")
    @APIResponse(responseCode = "200", description = "The ended assignment", content = @Content(schema = @Schema(implementation = CategoryAssignmentView.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Already ended", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response end(@PathParam("id") String id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
            @Valid @NotNull EndCategoryAssignment body) {
        CategoryAssignmentView v = service.end(QueryParams.requiredId("id", id), ifMatch, body);
        return Preconditions.ok(v, v.version()).build();
    }
}
