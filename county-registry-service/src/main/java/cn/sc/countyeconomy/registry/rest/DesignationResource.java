package cn.sc.countyeconomy.registry.rest;

import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.idempotency.Created;
import cn.sc.countyeconomy.api.idempotency.IdempotentCreate;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.Paged;
import cn.sc.countyeconomy.api.problem.Problem;
import cn.sc.countyeconomy.api.request.QueryParams;
import cn.sc.countyeconomy.api.security.CountyScoped;
import cn.sc.countyeconomy.api.security.GrantedTypes;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.registry.api.DesignationUpdate;
import cn.sc.countyeconomy.registry.api.DesignationView;
import cn.sc.countyeconomy.registry.api.EndDesignation;
import cn.sc.countyeconomy.registry.api.NewDesignation;
import cn.sc.countyeconomy.registry.security.DesignationCounties;
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

/** Designations of counties (underdeveloped county, reform pilot, ...), with validity dates. */
@Path("/api/v1")
@Tag(name = "Designations", description = "Designations of counties with validity dates; designation types are data")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READER)
public class DesignationResource {

    @Inject
    DesignationService service;
    @Inject
    IdempotentCreate idempotent;

    static final String PROBLEM = "application/problem+json";

    @GET
    @Path("/designations")
    @Operation(operationId = "listDesignations", summary = "List designations", description = "Filtered by type, county, source and asOf (designations active on that date; "
            + "without asOf all designations, ended ones included). Paged; sortable fields: id, typeCode, countyCode, validFrom.")
    @APIResponse(responseCode = "200", description = "A page of Designation", content = @Content(schema = @Schema(ref = "DesignationPage")))
    @APIResponse(responseCode = "400", description = "Bad parameter", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response list(@QueryParam("type") @Parameter(example = "UNDERDEVELOPED_COUNTY") String type,
            @QueryParam("asOf") @Parameter(description = "Only designations active on this date (YYYY-MM-DD).", example = "2024-06-30") String asOf,
            @QueryParam("county") @Parameter(example = "510522") String county,
            @QueryParam("source") @Parameter(description = "Only designations of this source (exact), e.g. all that reform-pilot-service "
                    + "recorded for one programme.", example = "reform-pilot:programme/1") String source,
            @BeanParam PageParams paging, @Context UriInfo uri) {
        return Paged.ok(service.list(Params.upper(type), QueryParams.countyCode("county", county), Params.source(source),
                QueryParams.date("asOf", asOf, null), paging), uri);
    }

    @GET
    @Path("/designations/{id}")
    @Operation(operationId = "getDesignation", summary = "Read a designation")
    @APIResponse(responseCode = "200", description = "The designation, with an ETag", content = @Content(schema = @Schema(implementation = DesignationView.class)))
    @APIResponse(responseCode = "404", description = "Unknown id", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") String id) {
        DesignationView v = service.get(QueryParams.requiredId("id", id));
        return Preconditions.ok(v, v.version()).build();
    }

    @POST
    @CountyScoped(body = "countyCode")
    @GrantedTypes(body = "typeCode")
    @Path("/designations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(operationId = "createDesignation", summary = "Add a designation (editor, admin)", description = "The county must be ACTIVE on validFrom; a designation of the same "
            + "type, county and source over an overlapping period is a 409 (another source's may overlap: a county may be a pilot of "
            + "several programmes). A token with a `counties` claim may only designate those counties. "
            + "Supports Idempotency-Key. Audited; a DESIGNATION CREATED event goes to the change feed.")
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(schema = @Schema(implementation = DesignationView.class)))
    @APIResponse(responseCode = "403", description = "Not editor/admin, or county outside the token's counties", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Overlaps a designation of the same type, county and source", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown type or county, county not ACTIVE on validFrom, validTo not after validFrom, or Idempotency-Key reused with another body", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response create(@HeaderParam(IdempotentCreate.HEADER) @Parameter(description = "Makes the create safe to retry") String key,
            @Valid @NotNull NewDesignation body, @Context UriInfo uri) {
        return idempotent.created(key, body, uri, () -> {
            DesignationView v = service.create(body);
            return Created.at("/api/v1/designations/" + v.id(), v).withETag(v.version());
        });
    }

    @POST
    @CountyScoped(resource = DesignationCounties.class)
    @GrantedTypes(resource = DesignationCounties.class)
    @Path("/designations/{id}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(operationId = "endDesignation", summary = "End a designation (editor, admin)", description = "Sets validTo to endDate. Requires If-Match. endDate must be after "
            + "validFrom (else 422); a planned end (validTo already set) may be brought forward, an end on or before endDate is "
            + "already in place (422 already-ended) and is corrected with PUT. Audited (with the reason); a DESIGNATION ENDED event goes to the feed.")
    @APIResponse(responseCode = "200", description = "The ended designation", content = @Content(schema = @Schema(implementation = DesignationView.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "endDate not after validFrom, or already ending on or before endDate", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response end(@PathParam("id") String id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
            @Valid @NotNull EndDesignation body) {
        DesignationView v = service.end(QueryParams.requiredId("id", id), ifMatch, body);
        return Preconditions.ok(v, v.version()).build();
    }

    @PUT
    @CountyScoped(resource = DesignationCounties.class)
    @GrantedTypes(resource = DesignationCounties.class)
    @Path("/designations/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "correctDesignation", summary = "Correct a designation (admin)", description = "Replaces dates, evidence status, source and note; type and county "
            + "stay. Requires If-Match. Overlap rules as for create. Audited; a DESIGNATION CORRECTED event goes to the feed.")
    @APIResponse(responseCode = "200", description = "The corrected designation", content = @Content(schema = @Schema(implementation = DesignationView.class)))
    @APIResponse(responseCode = "409", description = "Would overlap another designation", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response correct(@PathParam("id") String id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
            @Valid @NotNull DesignationUpdate body) {
        DesignationView v = service.correct(QueryParams.requiredId("id", id), ifMatch, body);
        return Preconditions.ok(v, v.version()).build();
    }
}
