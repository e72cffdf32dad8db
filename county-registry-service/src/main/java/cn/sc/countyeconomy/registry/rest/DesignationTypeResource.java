package cn.sc.countyeconomy.registry.rest;

import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.idempotency.Created;
import cn.sc.countyeconomy.api.idempotency.IdempotentCreate;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.Paged;
import cn.sc.countyeconomy.api.problem.Problem;
import cn.sc.countyeconomy.api.security.ProvinceWide;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.registry.api.DesignationTypeView;
import cn.sc.countyeconomy.registry.api.NewDesignationType;
import cn.sc.countyeconomy.registry.service.DesignationService;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Designation types: the kinds of designation, which are data. */
@Path("/api/v1")
@Tag(name = "Designations", description = "Designations of counties with validity dates; designation types are data")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READER)
public class DesignationTypeResource {

    static final String PROBLEM = "application/problem+json";

    @Inject
    DesignationService service;
    @Inject
    IdempotentCreate idempotent;

    @GET
    @Path("/designation-types")
    @Operation(operationId = "listDesignationTypes", summary = "List designation types", description = "Paged; sorted by code.")
    @APIResponse(responseCode = "200", description = "A page of DesignationType", content = @Content(schema = @Schema(ref = "DesignationTypePage")))
    public Response types(@BeanParam PageParams paging, @Context UriInfo uri) {
        return Paged.ok(service.types(paging), uri);
    }

    @POST
    @ProvinceWide("create designation types")
    @Path("/designation-types")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createDesignationType", summary = "Add a designation type (admin)", description = "New kinds of designation are data, e.g. URBAN_RURAL_INTEGRATION_PILOT. "
            + "Supports Idempotency-Key. Audited.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = DesignationTypeView.class)))
    @APIResponse(responseCode = "409", description = "The code exists", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response createType(@HeaderParam(IdempotentCreate.HEADER) String key, @Valid @NotNull NewDesignationType body, @Context UriInfo uri) {
        return idempotent.created(key, body, uri, () -> {
            DesignationTypeView v = service.createType(body);
            return Created.at("/api/v1/designation-types/" + v.code(), v);
        });
    }

    @GET
    @Path("/designation-types/{code}")
    @Operation(operationId = "getDesignationType", summary = "Read a designation type")
    @APIResponse(responseCode = "200", description = "The type", content = @Content(schema = @Schema(implementation = DesignationTypeView.class)))
    @APIResponse(responseCode = "404", description = "Unknown code", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response type(@PathParam("code") String code) {
        DesignationTypeView v = service.type(code);
        return Preconditions.ok(v, v.version()).build();
    }
}
