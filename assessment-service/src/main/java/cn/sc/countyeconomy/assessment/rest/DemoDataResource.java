package cn.sc.countyeconomy.assessment.rest;

import cn.sc.countyeconomy.api.demo.DemoData;
import cn.sc.countyeconomy.api.security.ProvinceWide;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.assessment.api.DemoDataLoaded;
import cn.sc.countyeconomy.assessment.api.DemoDataRequest;
import cn.sc.countyeconomy.assessment.service.DemoDataService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/demo-data")
@Tag(name = "demo data", description = "Synthetic data for exploring the API, labelled synthetic; off in production unless enabled")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DemoDataResource {

    @Inject
    DemoDataService demo;

    @POST
    @ProvinceWide("load demo data for every county")
    @DemoData
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "loadAssessmentDemoData", summary = "Load SYNTHETIC values for every county the registry lists", description = "Admin. For each year, a value of "
            + "every indicator for every county active on 31 Dec of the year, stored with synthetic = true and a source saying "
            + "it is synthetic; optionally approved at once so that runs, rankings and scorecards can be explored. Only into "
            + "years without data (409 otherwise).")
    @APIResponse(responseCode = "200", description = "What was loaded, per year")
    public List<DemoDataLoaded> load(DemoDataRequest r) {
        return demo.load(r == null ? null : r.years(), r == null || r.approve() == null || r.approve());
    }
}
