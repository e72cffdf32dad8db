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
import cn.sc.countyeconomy.assistance.AgreementStatus;
import cn.sc.countyeconomy.assistance.api.AgreementTransition;
import cn.sc.countyeconomy.assistance.api.AgreementView;
import cn.sc.countyeconomy.assistance.api.NewAgreement;
import cn.sc.countyeconomy.assistance.client.UnderdevelopedCounties.DesignatedPeriod;
import cn.sc.countyeconomy.assistance.security.AgreementCounties;
import cn.sc.countyeconomy.assistance.service.AgreementService;
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

@Path("/api/v1/agreements")
@Tag(name = "agreements", description = "Common-prosperity agreements of SOEs with counties")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgreementResource {

    static final SortFields SORT = SortFields.of("id", "id", "countyCode", "countyCode", "termStart", "termStart", "status", "status");

    @Inject
    AgreementService service;
    @Inject
    IdempotentCreate idempotent;

    @GET
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "listAgreements", summary = "List agreements", description = "Filters: countyCode, organisationId, status. Sortable fields: id, countyCode, termStart, status.")
    @APIResponse(responseCode = "200", description = "A page of agreements", content = @Content(schema = @Schema(ref = "AgreementPage")))
    public Response list(@BeanParam PageParams page, @QueryParam("countyCode") String countyParam,
            @QueryParam("organisationId") String orgParam, @QueryParam("status") String statusParam,
            @Context UriInfo uri) {
        String countyCode = QueryParams.countyCode("countyCode", countyParam);
        Long organisationId = QueryParams.id("organisationId", orgParam);
        AgreementStatus status = QueryParams.enumValue(AgreementStatus.class, "status", statusParam);
        return Paged.ok(service.list(countyCode, organisationId, status, SORT.panache(page.rawSort()), page), uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "getAgreement", summary = "Read an agreement")
    @APIResponse(responseCode = "200", description = "The agreement", content = @Content(schema = @Schema(implementation = AgreementView.class)))
    public Response get(@PathParam("id") long id) {
        AgreementView v = service.get(id);
        return Preconditions.ok(v, v.version()).build();
    }

    @POST
    @CountyScoped(body = "countyCode")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "createAgreement", summary = "Record a draft agreement of an SOE with a county", description = "Only PROVINCIAL_SOE and CENTRAL_SOE organisations sign them. "
            + "Exactly one of annualAmount (CNY, 2 decimals) and annualSharePercent; one or two key industries. The county must be designated "
            + "UNDERDEVELOPED_COUNTY by county-registry-service on every day of the term [termStart, termEnd); the registry is asked on every create.")
    @APIResponse(responseCode = "201", description = "Created in status DRAFT", content = @Content(schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "422", description = "Invalid fields, or the organisation is not an SOE (rule agreement-requires-soe), or the county is not designated over the whole term "
            + "(rule county-not-underdeveloped, naming the county and the first day it is not)")
    @APIResponse(responseCode = "503", description = "county-registry-service cannot be reached; nothing was written")
    public Response create(@HeaderParam(IdempotentCreate.HEADER) String key, @Valid @NotNull NewAgreement body, @Context UriInfo uri) {
        DesignatedPeriod designation = service.checkEligibility(body);
        return idempotent.created(key, body, uri, () -> {
            AgreementView v = service.create(body, designation);
            return Created.at("/api/v1/agreements/" + v.id(), v).withETag(v.version());
        });
    }

    @POST
    @CountyScoped(resource = AgreementCounties.class)
    @Path("/{id}/status")
    @RolesAllowed(Roles.APPROVER)
    @Operation(operationId = "transitionAgreement", summary = "Move an agreement to its next status", description = "DRAFT -> SIGNED (date = signing date, not in the future), "
            + "SIGNED -> IN_FORCE (date within the term, not before signing), IN_FORCE -> EXPIRED (date on or after the term's end). "
            + "Approver role; needs If-Match.")
    @APIResponse(responseCode = "200", description = "The agreement in its new status", content = @Content(schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "412", description = "The ETag is not the current one")
    @APIResponse(responseCode = "422", description = "Not a legal transition (rule illegal-agreement-transition) or wrong date (rule agreement-transition-date)")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response transition(@PathParam("id") long id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
            @Valid @NotNull AgreementTransition body) {
        AgreementView v = service.transition(id, ifMatch, body);
        return Preconditions.ok(v, v.version()).build();
    }
}
