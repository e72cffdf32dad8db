package cn.sc.countyeconomy.registry.rest;

import cn.sc.countyeconomy.api.request.QueryParams;
import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.idempotency.IdempotentCreate;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.PageResult;
import cn.sc.countyeconomy.api.paging.Paged;
import cn.sc.countyeconomy.api.paging.SortFields;
import cn.sc.countyeconomy.api.problem.Problem;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.registry.AssessmentCategory;
import cn.sc.countyeconomy.registry.CategoryAssignment;
import cn.sc.countyeconomy.registry.mapping.Views.AssessmentCategoryView;
import cn.sc.countyeconomy.registry.mapping.Views.CategoryAssignmentView;
import cn.sc.countyeconomy.registry.service.CategoryService;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** The assessment categories and which county is in which, per year. */
@Path("/api/v1")
@Tag(name = "Assessment categories", description = "The four categories of the annual county economy assessment and the assignments per year")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READER)
public class CategoryResource {

    static final String PROBLEM = "application/problem+json";
    static final SortFields SORT = SortFields.of("id", "id", "countyCode", "countyCode", "year", "year", "categoryCode", "categoryCode");

    @Inject
    CategoryService service;
    @Inject
    IdempotentCreate idempotent;

    @GET
    @Path("/assessment-categories")
    @Transactional
    @Operation(summary = "List the assessment categories", description = "CITY_CORE_DISTRICT, KEY_DEVELOPMENT, MAIN_FARM_PRODUCE, KEY_ECOLOGICAL_FUNCTION. Paged.")
    @APIResponse(responseCode = "200", description = "A page of AssessmentCategory")
    public Response categories(@BeanParam PageParams paging, @Context UriInfo uri) {
        return Paged.ok(PageResult.of(AssessmentCategory.findAll(SortFields.of("code", "code").panache(paging.rawSort())), paging,
                (AssessmentCategory c) -> AssessmentCategoryView.of(c)), uri);
    }

    @GET
    @Path("/category-assignments")
    @Transactional
    @Operation(summary = "List category assignments", description = "Assignments in force (ended ones drop out), filtered by year, county and "
            + "category. Paged; sortable fields: id, countyCode, year, categoryCode.")
    @APIResponse(responseCode = "200", description = "A page of CategoryAssignment")
    @APIResponse(responseCode = "400", description = "Bad parameter", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response list(@QueryParam("year") @Parameter(example = "2018") String year,
                         @QueryParam("county") @Parameter(example = "510421") String county,
                         @QueryParam("category") @Parameter(example = "MAIN_FARM_PRODUCE") String category,
                         @BeanParam PageParams paging, @Context UriInfo uri) {
        StringBuilder q = new StringBuilder("endedOn is null");
        Map<String, Object> p = new HashMap<>();
        Integer y = QueryParams.year("year", year, false);
        if (y != null) {
            q.append(" and year = :y");
            p.put("y", y);
        }
        String c = QueryParams.countyCode("county", county);
        if (c != null) {
            q.append(" and countyCode = :c");
            p.put("c", c);
        }
        String cat = Params.upper(category);
        if (cat != null) {
            q.append(" and categoryCode = :cat");
            p.put("cat", cat);
        }
        return Paged.ok(PageResult.of(CategoryAssignment.find(q.toString(), SORT.panache(paging.rawSort()), p), paging,
                (CategoryAssignment a) -> CategoryService.view(a)), uri);
    }

    @GET
    @Path("/category-assignments/{id}")
    @Transactional
    @Operation(summary = "Read a category assignment")
    @APIResponse(responseCode = "200", description = "The assignment, with an ETag", content = @Content(schema = @Schema(implementation = CategoryAssignmentView.class)))
    @APIResponse(responseCode = "404", description = "Unknown id", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") String id) {
        CategoryAssignment a = CategoryService.find(QueryParams.requiredId("id", id));
        return Preconditions.ok(CategoryService.view(a), a.version).build();
    }

    @POST
    @Path("/category-assignments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "Assign a county to a category for a year (editor, admin)", description = "One assignment in force per county and "
            + "year (else 409). Supports Idempotency-Key. Audited; a CATEGORY_ASSIGNMENT CREATED event goes to the feed.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = CategoryAssignmentView.class)))
    @APIResponse(responseCode = "409", description = "The county already has a category for that year", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown county or category", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response create(@HeaderParam(IdempotentCreate.HEADER) String key, @Valid @NotNull CategoryService.NewAssignment body, @Context UriInfo uri) {
        return idempotent.create(key, body, uri, () -> {
            CategoryAssignmentView v = service.create(body);
            return Response.created(URI.create("/api/v1/category-assignments/" + v.id())).entity(v).tag(Preconditions.etag(v.version())).build();
        });
    }

    @PUT
    @Path("/category-assignments/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "Correct a category assignment (editor, admin)", description = "Changes category and source. Requires If-Match. Audited; CORRECTED event.")
    @APIResponse(responseCode = "200", description = "The corrected assignment", content = @Content(schema = @Schema(implementation = CategoryAssignmentView.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response correct(@PathParam("id") String id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
                            @Valid @NotNull CategoryService.Correction body) {
        CategoryAssignmentView v = service.correct(QueryParams.requiredId("id", id), ifMatch, body);
        return Preconditions.ok(v, v.version()).build();
    }

    @POST
    @Path("/category-assignments/{id}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "End (withdraw) a category assignment (editor, admin)", description = "The assignment no longer counts and drops out of "
            + "listings and the county's category. Requires If-Match. Audited with the reason; ENDED event.")
    @APIResponse(responseCode = "200", description = "The ended assignment", content = @Content(schema = @Schema(implementation = CategoryAssignmentView.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Already ended", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response end(@PathParam("id") String id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
                        @Valid @NotNull CategoryService.EndRequest body) {
        CategoryAssignmentView v = service.end(QueryParams.requiredId("id", id), ifMatch, body);
        return Preconditions.ok(v, v.version()).build();
    }
}
