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
import cn.sc.countyeconomy.assistance.api.NewPairing;
import cn.sc.countyeconomy.assistance.api.PairingEnd;
import cn.sc.countyeconomy.assistance.api.PairingView;
import cn.sc.countyeconomy.assistance.client.UnderdevelopedCounties.DesignatedPeriod;
import cn.sc.countyeconomy.assistance.security.PairingCounties;
import cn.sc.countyeconomy.assistance.service.PairingService;
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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/pairings")
@Tag(name = "pairings", description = "Which organisation helps which underdeveloped county, under which force, when")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PairingResource {

    static final SortFields SORT = SortFields.of("id", "id", "countyCode", "countyCode", "validFrom", "validFrom",
            "organisationId", "organisationId");

    @Inject
    PairingService service;
    @Inject
    IdempotentCreate idempotent;

    @GET
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "listPairings", summary = "List pairings", description = "Filters: countyCode, organisationId, forceCode. Sortable fields: id, countyCode, validFrom, organisationId. "
            + "Served from this service's data: works while county-registry-service is down.")
    @APIResponse(responseCode = "200", description = "A page of pairings", content = @Content(schema = @Schema(ref = "PairingPage")))
    public Response list(@BeanParam PageParams page, @QueryParam("countyCode") String countyParam,
            @QueryParam("organisationId") String orgParam, @QueryParam("forceCode") String forceCode,
            @Context UriInfo uri) {
        String countyCode = QueryParams.countyCode("countyCode", countyParam);
        Long organisationId = QueryParams.id("organisationId", orgParam);
        return Paged.ok(service.list(countyCode, organisationId, forceCode, SORT.panache(page.rawSort()), page), uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "getPairing", summary = "Read a pairing")
    @APIResponse(responseCode = "200", description = "The pairing", content = @Content(schema = @Schema(implementation = PairingView.class)))
    public Response get(@PathParam("id") long id) {
        PairingView v = service.get(id);
        return Preconditions.ok(v, v.version()).build();
    }

    @POST
    @CountyScoped(body = "countyCode")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "createPairing", summary = "Pair an organisation with a county", description = "Allowed only when county-registry-service designates the county "
            + "UNDERDEVELOPED_COUNTY on every day of [validFrom, validTo] (no validTo: from validFrom on, with no end); the registry is asked on every create. The force is the organisation's. "
            + "A county-scoped token may pair only its counties.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = PairingView.class)))
    @APIResponse(responseCode = "409", description = "The organisation is already paired with the county for part of the period")
    @APIResponse(responseCode = "422", description = "Invalid fields, or the county is not designated underdeveloped on validFrom (rule county-not-underdeveloped, naming the county and the first day of the period it is not designated)")
    @APIResponse(responseCode = "503", description = "county-registry-service cannot be reached; nothing was written", headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying"))
    public Response create(@HeaderParam(IdempotentCreate.HEADER) String key, @Valid @NotNull NewPairing body, @Context UriInfo uri) {
        DesignatedPeriod designation = service.checkEligibility(body);
        return idempotent.created(key, body, uri, () -> {
            PairingView v = service.create(body, designation);
            return Created.at("/api/v1/pairings/" + v.id(), v).withETag(v.version());
        });
    }

    @PUT
    @CountyScoped(resource = PairingCounties.class)
    @Path("/{id}")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "endPairing", summary = "End a pairing", description = "Sets validTo (inclusive; null reopens it). Needs If-Match. Shortening asks nothing of the registry: "
            + "ending assistance needs no eligibility. Extending or reopening is checked as a create is: the county must be designated "
            + "UNDERDEVELOPED_COUNTY on every day of the new [validFrom, validTo], and the period may not overlap another pairing of the same "
            + "organisation and county.")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = PairingView.class)))
    @APIResponse(responseCode = "409", description = "The new period overlaps another pairing")
    @APIResponse(responseCode = "412", description = "The ETag is not the current one")
    @APIResponse(responseCode = "422", description = "validTo before validFrom, or an extension into days the county is not designated (rule county-not-underdeveloped)")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    @APIResponse(responseCode = "503", description = "An extension, and county-registry-service cannot be reached; nothing was written", headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying"))
    public Response end(@PathParam("id") long id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
            @Valid @NotNull PairingEnd body) {
        PairingView v = service.end(id, ifMatch, body, service.checkEligibility(id, body));
        return Preconditions.ok(v, v.version()).build();
    }
}
