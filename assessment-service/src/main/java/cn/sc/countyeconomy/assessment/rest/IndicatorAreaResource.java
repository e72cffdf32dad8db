package cn.sc.countyeconomy.assessment.rest;

import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.assessment.api.IndicatorAreaView;
import cn.sc.countyeconomy.assessment.service.FrameworkService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/indicator-areas")
@Tag(name = "indicator areas", description = "The areas that group the assessment indicators (reference data)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READER)
public class IndicatorAreaResource {

    @Inject
    FrameworkService framework;

    @GET
    @Operation(operationId = "listIndicatorAreas", summary = "List the indicator areas", description = "The five areas of the county economy assessment's indicators.")
    public List<IndicatorAreaView> list() {
        return framework.areas();
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getIndicatorArea", summary = "Read one of the indicator areas by its code")
    public IndicatorAreaView get(@PathParam("code") String code) {
        return framework.area(code);
    }
}
