package cn.sc.countyeconomy.assistance.rest;

import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.idempotency.Created;
import cn.sc.countyeconomy.api.idempotency.IdempotentCreate;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.Paged;
import cn.sc.countyeconomy.api.paging.SortFields;
import cn.sc.countyeconomy.api.request.QueryParams;
import cn.sc.countyeconomy.api.security.ProvinceWide;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.assistance.OrganisationKind;
import cn.sc.countyeconomy.assistance.api.NewOrganisation;
import cn.sc.countyeconomy.assistance.api.OrganisationUpdate;
import cn.sc.countyeconomy.assistance.api.OrganisationView;
import cn.sc.countyeconomy.assistance.service.OrganisationService;
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

@Path("/api/v1/organisations")
@Tag(name = "organisations", description = "Assisting organisations of the five forces")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganisationResource {

    static final SortFields SORT = SortFields.of("id", "id", "name", "name", "kind", "kind", "forceCode", "forceCode");

    @Inject
    OrganisationService service;
    @Inject
    IdempotentCreate idempotent;

    @GET
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "listOrganisations", summary = "List assisting organisations", description = "Filters: kind, forceCode. Sortable fields: id, name, kind, forceCode.")
    @APIResponse(responseCode = "200", description = "A page of organisations, with Link and X-Total-Count headers", content = @Content(schema = @Schema(ref = "OrganisationPage")))
    public Response list(@BeanParam PageParams page, @QueryParam("kind") String kindParam,
            @QueryParam("forceCode") String forceCode, @Context UriInfo uri) {
        OrganisationKind kind = QueryParams.enumValue(OrganisationKind.class, "kind", kindParam);
        return Paged.ok(service.list(kind, forceCode, SORT.panache(page.rawSort()), page), uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "getOrganisation", summary = "Read an assisting organisation", description = "The ETag is the version to send in If-Match when updating.")
    @APIResponse(responseCode = "200", description = "The organisation", content = @Content(schema = @Schema(implementation = OrganisationView.class)))
    public Response get(@PathParam("id") long id) {
        OrganisationView v = service.get(id);
        return Preconditions.ok(v, v.version()).build();
    }

    @POST
    @ProvinceWide("create assisting organisations (province-wide reference data)")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "createOrganisation", summary = "Create an assisting organisation", description = "The force follows from the kind: PROVINCIAL_DEPARTMENT -> PROVINCIAL_TARGETED, "
            + "EASTERN_PARTNER -> EAST_WEST_COOPERATION, PAIRED_CITY -> PROVINCIAL_PAIRED, PROVINCIAL_SOE -> PROVINCIAL_SOE, CENTRAL_SOE -> CENTRAL_SOE. "
            + "Not for county-scoped tokens. Idempotency-Key makes a retry safe.")
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(schema = @Schema(implementation = OrganisationView.class)))
    @APIResponse(responseCode = "409", description = "An organisation with this name exists")
    @APIResponse(responseCode = "422", description = "Invalid fields, or forceCode does not match kind (rule organisation-kind-force-mismatch), or Idempotency-Key reused with another body")
    public Response create(@HeaderParam(IdempotentCreate.HEADER) String key, @Valid @NotNull NewOrganisation body, @Context UriInfo uri) {
        return idempotent.created(key, body, uri, () -> {
            OrganisationView v = service.create(body);
            return Created.at("/api/v1/organisations/" + v.id(), v).withETag(v.version());
        });
    }

    @PUT
    @ProvinceWide("change assisting organisations")
    @Path("/{id}")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "updateOrganisation", summary = "Rename an assisting organisation", description = "Needs If-Match with the current ETag (428 without, 412 when stale). Kind and force do not change.")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = OrganisationView.class)))
    @APIResponse(responseCode = "412", description = "The ETag is not the current one")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") long id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
            @Valid @NotNull OrganisationUpdate body) {
        OrganisationView v = service.update(id, ifMatch, body);
        return Preconditions.ok(v, v.version()).build();
    }
}
