package cn.sc.countyeconomy.assessment.rest;

import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.idempotency.Created;
import cn.sc.countyeconomy.api.idempotency.IdempotentCreate;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.Paged;
import cn.sc.countyeconomy.api.security.ProvinceWide;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.assessment.api.NewScheme;
import cn.sc.countyeconomy.assessment.api.SchemeDefinition;
import cn.sc.countyeconomy.assessment.api.SchemeView;
import cn.sc.countyeconomy.assessment.service.FrameworkService;
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

@Path("/api/v1/schemes")
@Tag(name = "framework")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SchemeResource {

    @Inject
    FrameworkService framework;
    @Inject
    IdempotentCreate idempotent;
    @Context
    UriInfo uri;

    @GET
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "listSchemes", summary = "List schemes", description = "Paged; filter by year and status; sortable fields: id, year, schemeVersion, status.")
    @APIResponse(responseCode = "200", description = "A page of schemes", content = @Content(schema = @Schema(ref = "SchemePage")))
    public Response list(@BeanParam PageParams page, @QueryParam("year") String yearText, @QueryParam("status") String status) {
        return Paged.ok(framework.schemes(yearText, status, page), uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "getScheme", summary = "Read a scheme", description = "ETag = version, for If-Match on PUT and publish.")
    @APIResponse(responseCode = "200", description = "The scheme", content = @Content(schema = @Schema(implementation = SchemeView.class)))
    public Response get(@PathParam("id") long id) {
        SchemeView v = framework.scheme(id);
        return Preconditions.ok(v, v.version()).build();
    }

    @POST
    @ProvinceWide("change assessment schemes")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createScheme", summary = "Create a new scheme version (draft)", description = "The next version number of the year. Checks every "
            + "indicator against the catalogue and that each category's weights sum to 1 ± 1e-9 (422 naming the category). "
            + "Idempotency-Key supported.")
    @APIResponse(responseCode = "201", description = "Created as DRAFT", content = @Content(schema = @Schema(implementation = SchemeView.class)))
    @APIResponse(responseCode = "422", description = "Invalid definition; violations name the field")
    public Response create(@Valid @NotNull NewScheme in, @HeaderParam(IdempotentCreate.HEADER) String key) {
        return idempotent.created(key, in, uri, () -> {
            SchemeView v = framework.createScheme(in.year(), in.definition());
            return Created.at("/api/v1/schemes/" + v.id(), v).withETag(v.version());
        });
    }

    @PUT
    @ProvinceWide("change assessment schemes")
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateScheme", summary = "Change a draft scheme", description = "If-Match required. A published scheme cannot change (422 scheme-published).")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = SchemeView.class)))
    public Response update(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull SchemeDefinition def) {
        SchemeView v = framework.updateScheme(id, ifMatch, def);
        return Preconditions.ok(v, v.version()).build();
    }

    @POST
    @ProvinceWide("publish assessment schemes")
    // takes no body: a POST without a Content-Type must reach authorization (401/403), not answer 415
    @Consumes(MediaType.WILDCARD)
    @Path("/{id}/publish")
    @RolesAllowed(Roles.APPROVER)
    @Operation(operationId = "publishScheme", summary = "Publish a draft scheme", description = "Approver; If-Match required. Makes it immutable and usable for runs.")
    @APIResponse(responseCode = "200", description = "Published", content = @Content(schema = @Schema(implementation = SchemeView.class)))
    public Response publish(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        SchemeView v = framework.publish(id, ifMatch);
        return Preconditions.ok(v, v.version()).build();
    }
}
