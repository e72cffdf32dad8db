package cn.sc.countyeconomy.assistance.rest;

import cn.sc.countyeconomy.api.idempotency.Created;
import cn.sc.countyeconomy.api.idempotency.IdempotentCreate;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.Paged;
import cn.sc.countyeconomy.api.paging.SortFields;
import cn.sc.countyeconomy.api.request.QueryParams;
import cn.sc.countyeconomy.api.security.CountyScoped;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.assistance.api.CadreExchangeView;
import cn.sc.countyeconomy.assistance.api.NewCadreExchange;
import cn.sc.countyeconomy.assistance.api.NewReversal;
import cn.sc.countyeconomy.assistance.api.NewTraining;
import cn.sc.countyeconomy.assistance.api.TrainingView;
import cn.sc.countyeconomy.assistance.client.UnderdevelopedCounties.DesignatedPeriod;
import cn.sc.countyeconomy.assistance.security.CadreCounties;
import cn.sc.countyeconomy.assistance.security.TrainingCounties;
import cn.sc.countyeconomy.assistance.service.ActivityService;
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

/**
 * Training records and cadre exchanges: counts against the 500-per-county and 100-per-year targets. Never changed in
 * place: a mistake is reversed (a record of its own, minus the count, with a reason and author) and the right record
 * created; PUT and DELETE answer 409 pointing to the reversal.
 */
@Path("/api/v1")
@Tag(name = "training and cadres", description = "People trained per county and year; cadres trained by the helpers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TrainingResource {

    static final SortFields TRAINING_SORT = SortFields.of("id", "id", "countyCode", "countyCode", "year", "year", "peopleTrained", "peopleTrained");
    static final SortFields CADRE_SORT = SortFields.of("id", "id", "countyCode", "countyCode", "periodStart", "periodStart", "people", "people");

    @Inject
    ActivityService service;
    @Inject
    IdempotentCreate idempotent;

    @GET
    @Path("/training-records")
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "listTrainingRecords", summary = "List training records", description = "Filters: countyCode, year. Sortable fields: id, countyCode, year, peopleTrained.")
    @APIResponse(responseCode = "200", description = "A page of training records", content = @Content(schema = @Schema(ref = "TrainingRecordPage")))
    public Response listTraining(@BeanParam PageParams page, @QueryParam("countyCode") String countyParam,
            @QueryParam("year") String yearParam, @Context UriInfo uri) {
        String county = QueryParams.countyCode("countyCode", countyParam);
        Integer year = QueryParams.year("year", yearParam, false, 2000, 2100);
        return Paged.ok(service.training(county, year, TRAINING_SORT.panache(page.rawSort()), page), uri);
    }

    @GET
    @Path("/training-records/{id}")
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "getTrainingRecord", summary = "Read a training record")
    @APIResponse(responseCode = "200", description = "The record", content = @Content(schema = @Schema(implementation = TrainingView.class)))
    public TrainingView getTraining(@PathParam("id") long id) {
        return service.training(id);
    }

    @POST
    @CountyScoped(body = "countyCode")
    @Path("/training-records")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "createTrainingRecord", summary = "Record people trained in a county", description = "A count of people for a county, year, organiser and kind. "
            + "The county must be designated UNDERDEVELOPED_COUNTY by county-registry-service on every day of the year; the registry is asked on every create.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = TrainingView.class)))
    @APIResponse(responseCode = "422", description = "Invalid fields, or the county is not designated over the whole year (rule county-not-underdeveloped, naming the county and the first day it is not)")
    @APIResponse(responseCode = "503", description = "county-registry-service cannot be reached; nothing was written")
    public Response addTraining(@HeaderParam(IdempotentCreate.HEADER) String key, @Valid @NotNull NewTraining body, @Context UriInfo uri) {
        DesignatedPeriod designation = service.checkEligibility(body);
        return idempotent.created(key, body, uri, () -> {
            TrainingView v = service.addTraining(body, designation);
            return Created.at("/api/v1/training-records/" + v.id(), v);
        });
    }

    @GET
    @Path("/cadre-exchanges")
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "listCadreExchanges", summary = "List cadre exchanges", description = "Filters: countyCode, organisationId. Sortable fields: id, countyCode, periodStart, people.")
    @APIResponse(responseCode = "200", description = "A page of cadre exchanges", content = @Content(schema = @Schema(ref = "CadreExchangePage")))
    public Response listCadres(@BeanParam PageParams page, @QueryParam("countyCode") String countyParam,
            @QueryParam("organisationId") String orgParam, @Context UriInfo uri) {
        String county = QueryParams.countyCode("countyCode", countyParam);
        Long org = QueryParams.id("organisationId", orgParam);
        return Paged.ok(service.cadreExchanges(county, org, CADRE_SORT.panache(page.rawSort()), page), uri);
    }

    @GET
    @Path("/cadre-exchanges/{id}")
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "getCadreExchange", summary = "Read a cadre exchange")
    @APIResponse(responseCode = "200", description = "The exchange", content = @Content(schema = @Schema(implementation = CadreExchangeView.class)))
    public CadreExchangeView getCadres(@PathParam("id") long id) {
        return service.cadreExchange(id);
    }

    @POST
    @CountyScoped(body = "countyCode")
    @Path("/cadre-exchanges")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "createCadreExchange", summary = "Record cadres of a county trained by a helper", description = "Temporary posts, mentoring or courses; "
            + "a number of people only. Unknown fields (such as names) are refused. The county must be designated UNDERDEVELOPED_COUNTY by county-registry-service "
            + "on every day of [periodStart, periodEnd]; the registry is asked on every create.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = CadreExchangeView.class)))
    @APIResponse(responseCode = "422", description = "Invalid fields, or the county is not designated over the whole period (rule county-not-underdeveloped, naming the county and the first day it is not)")
    @APIResponse(responseCode = "503", description = "county-registry-service cannot be reached; nothing was written")
    public Response addCadres(@HeaderParam(IdempotentCreate.HEADER) String key, @Valid @NotNull NewCadreExchange body, @Context UriInfo uri) {
        DesignatedPeriod designation = service.checkEligibility(body);
        return idempotent.created(key, body, uri, () -> {
            CadreExchangeView v = service.addCadreExchange(body, designation);
            return Created.at("/api/v1/cadre-exchanges/" + v.id(), v);
        });
    }

    @POST
    @CountyScoped(resource = TrainingCounties.class)
    @Path("/training-records/{id}/reversal")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "recordTrainingReversal", summary = "Reverse a training record (admin only)", description = "Records a reversal: a training record "
            + "of its own with minus the people trained, referencing the original (reversesId), with the reason and the author (recordedBy). "
            + "The original stays; sums (county assistance, coverage, effectiveness, maps) count net, so a reversed record counts nothing. "
            + "To correct a figure, reverse the record and create the right one. No eligibility check: a reversal only takes away.")
    @APIResponse(responseCode = "201", description = "The reversal", content = @Content(schema = @Schema(implementation = TrainingView.class)))
    @APIResponse(responseCode = "404", description = "No such training record")
    @APIResponse(responseCode = "409", description = "The record is already reversed (member reversedById) or is itself a reversal (member reversesId); nothing was written")
    @APIResponse(responseCode = "422", description = "reason missing or longer than 1000 characters")
    public Response reverseTraining(@PathParam("id") long id, @HeaderParam(IdempotentCreate.HEADER) String key,
            @Valid @NotNull NewReversal body, @Context UriInfo uri) {
        return idempotent.created(key, body, uri, () -> {
            TrainingView v = service.reverseTraining(id, body);
            return Created.at("/api/v1/training-records/" + v.id(), v);
        });
    }

    @PUT
    @CountyScoped(resource = TrainingCounties.class)
    @Path("/training-records/{id}")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "replaceTrainingRecord", summary = "Refused: training records are never changed", description = "Always 409 (problem member "
            + "reversal: the path of the reversal operation); kept so that a client that edits in place learns what to do instead.")
    @APIResponse(responseCode = "409", description = "Records are never changed; use POST /api/v1/training-records/{id}/reversal")
    public Response replaceTraining(@PathParam("id") long id) {
        service.training(id);
        throw ActivityService.rewriteRefused("TrainingRecord", "/api/v1/training-records/", id);
    }

    @DELETE
    @CountyScoped(resource = TrainingCounties.class)
    @Path("/training-records/{id}")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "deleteTrainingRecord", summary = "Refused: training records are never deleted", description = "Always 409 (problem member "
            + "reversal: the path of the reversal operation).")
    @APIResponse(responseCode = "409", description = "Records are never deleted; use POST /api/v1/training-records/{id}/reversal")
    public Response deleteTraining(@PathParam("id") long id) {
        service.training(id);
        throw ActivityService.rewriteRefused("TrainingRecord", "/api/v1/training-records/", id);
    }

    @POST
    @CountyScoped(resource = CadreCounties.class)
    @Path("/cadre-exchanges/{id}/reversal")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "recordCadreExchangeReversal", summary = "Reverse a cadre exchange (admin only)", description = "Records a reversal: a cadre exchange "
            + "of its own with minus the people, referencing the original (reversesId), with the reason and the author (recordedBy). "
            + "The original stays; sums count net. No eligibility check: a reversal only takes away.")
    @APIResponse(responseCode = "201", description = "The reversal", content = @Content(schema = @Schema(implementation = CadreExchangeView.class)))
    @APIResponse(responseCode = "404", description = "No such cadre exchange")
    @APIResponse(responseCode = "409", description = "The exchange is already reversed (member reversedById) or is itself a reversal (member reversesId); nothing was written")
    @APIResponse(responseCode = "422", description = "reason missing or longer than 1000 characters")
    public Response reverseCadres(@PathParam("id") long id, @HeaderParam(IdempotentCreate.HEADER) String key,
            @Valid @NotNull NewReversal body, @Context UriInfo uri) {
        return idempotent.created(key, body, uri, () -> {
            CadreExchangeView v = service.reverseCadreExchange(id, body);
            return Created.at("/api/v1/cadre-exchanges/" + v.id(), v);
        });
    }

    @PUT
    @CountyScoped(resource = CadreCounties.class)
    @Path("/cadre-exchanges/{id}")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "replaceCadreExchange", summary = "Refused: cadre exchanges are never changed", description = "Always 409 (problem member "
            + "reversal: the path of the reversal operation).")
    @APIResponse(responseCode = "409", description = "Records are never changed; use POST /api/v1/cadre-exchanges/{id}/reversal")
    public Response replaceCadres(@PathParam("id") long id) {
        service.cadreExchange(id);
        throw ActivityService.rewriteRefused("CadreExchange", "/api/v1/cadre-exchanges/", id);
    }

    @DELETE
    @CountyScoped(resource = CadreCounties.class)
    @Path("/cadre-exchanges/{id}")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "deleteCadreExchange", summary = "Refused: cadre exchanges are never deleted", description = "Always 409 (problem member "
            + "reversal: the path of the reversal operation).")
    @APIResponse(responseCode = "409", description = "Records are never deleted; use POST /api/v1/cadre-exchanges/{id}/reversal")
    public Response deleteCadres(@PathParam("id") long id) {
        service.cadreExchange(id);
        throw ActivityService.rewriteRefused("CadreExchange", "/api/v1/cadre-exchanges/", id);
    }
}
