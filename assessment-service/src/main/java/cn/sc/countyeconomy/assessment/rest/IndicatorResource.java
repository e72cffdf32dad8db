package cn.sc.countyeconomy.assessment.rest;

import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.idempotency.Created;
import cn.sc.countyeconomy.api.idempotency.IdempotentCreate;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.Paged;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.security.ProvinceWide;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.assessment.api.IndicatorInput;
import cn.sc.countyeconomy.assessment.api.IndicatorView;
import cn.sc.countyeconomy.assessment.service.FrameworkService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.*;
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

@Path("/api/v1/indicators")
@Tag(name = "framework", description = "Indicators and yearly schemes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IndicatorResource {

    @Inject
    FrameworkService framework;
    @Inject
    IdempotentCreate idempotent;
    @Context
    UriInfo uri;

    @GET
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "listIndicators", summary = "List the indicators", description = "Paged; filter by area; sortable fields: code, area, name. "
            + "Definitions are versioned by year: without year the latest definitions, with year the definitions in force that year.")
    @APIResponse(responseCode = "200", description = "A page of indicators, with Link and X-Total-Count headers", content = @Content(schema = @Schema(ref = "IndicatorPage")))
    public Response list(@BeanParam PageParams page, @QueryParam("area") String area,
            @Parameter(description = "The year whose definitions are wanted (2000-2100); default: the latest definitions") @QueryParam("year") String year) {
        return Paged.ok(framework.indicators(area, year, page), uri);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "getIndicator", summary = "Read an indicator", description = "With its version as ETag, for If-Match on PUT. "
            + "Without year the latest definition, with year the definition in force that year (what that year's values are checked against).")
    @APIResponse(responseCode = "200", description = "The indicator", content = @Content(schema = @Schema(implementation = IndicatorView.class)))
    public Response get(@PathParam("code") String code,
            @Parameter(description = "The year whose definition is wanted (2000-2100); default: the latest definition") @QueryParam("year") String year) {
        IndicatorView v = framework.indicator(code, year);
        return Preconditions.ok(v, v.version()).build();
    }

    @POST
    @ProvinceWide("change the indicator catalogue")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createIndicator", summary = "Add an indicator to the catalogue", description = "Reference data: admin only. Idempotency-Key supported.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = IndicatorView.class)))
    @APIResponse(responseCode = "409", description = "The code exists already")
    public Response create(IndicatorInput in, @HeaderParam(IdempotentCreate.HEADER) String key) {
        if (in == null)
            throw ApiException.validation("body", "an indicator is required");
        return idempotent.created(key, in, uri, () -> {
            IndicatorView v = framework.createIndicator(in);
            return Created.at("/api/v1/indicators/" + v.code(), v).withETag(v.version());
        });
    }

    @PUT
    @ProvinceWide("change the indicator catalogue")
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateIndicator", summary = "Change an indicator from a year on", description = "Needs If-Match with the current ETag (428 without, 412 when stale). "
            + "Definitions are versioned by year: the change applies from fromYear (default: the current year) until the next definition's "
            + "first year; the years before fromYear keep their definition (unit, range, ...), their validation and their scorecards. "
            + "Published schemes keep the direction and area they were published with. Answers the definition from fromYear.")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = IndicatorView.class)))
    public Response update(@PathParam("code") String code, @HeaderParam("If-Match") String ifMatch,
            @Parameter(description = "The first year the change applies to (2000-2100); default: the current year") @QueryParam("fromYear") String fromYear,
            IndicatorInput in) {
        if (in == null)
            throw ApiException.validation("body", "an indicator is required");
        IndicatorView v = framework.updateIndicator(code, ifMatch, fromYear, in);
        return Preconditions.ok(v, v.version()).build();
    }
}
