package cn.sc.countyeconomy.registry.rest;

import cn.sc.countyeconomy.api.demo.DemoData;
import cn.sc.countyeconomy.api.security.ProvinceWide;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.registry.api.DemoCategoriesResult;
import cn.sc.countyeconomy.registry.api.DemoDataRequest;
import cn.sc.countyeconomy.registry.service.DemoCategories;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/demo-data")
@Tag(name = "Demo data", description = "Synthetic data for exploring the suite, loaded only on request and labelled synthetic")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class DemoDataResource {

    @Inject
    DemoCategories demo;

    @POST
    @ProvinceWide("load demo data for every county")
    @DemoData
    @Operation(operationId = "loadRegistryDemoData", summary = "Assign synthetic assessment categories for years (admin)", description = "Gives every county valid at the end of each year that has no category for it a synthetic one, labelled "
            + "so in its source (" + DemoCategories.SOURCE + "). Real assignments are never replaced; a repeat assigns "
            + "nothing. Each assignment is audited and published in the change feed. Load this before assessment-service's "
            + "demo data, so that its rankings have categories to rank within.")
    public List<DemoCategoriesResult> load(@Valid @NotNull DemoDataRequest request) {
        return demo.assign(request.years());
    }
}
