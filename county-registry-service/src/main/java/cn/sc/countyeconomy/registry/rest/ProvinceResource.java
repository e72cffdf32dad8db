package cn.sc.countyeconomy.registry.rest;

import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.Paged;
import cn.sc.countyeconomy.api.problem.Problem;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.registry.service.PrefectureReads;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

import java.time.Clock;

/** Province-level divisions. */
@Path("/api/v1/provinces")
@Tag(name = "Provinces", description = "Province-level divisions (Sichuan by default; others after a bulk import)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READER)
public class ProvinceResource {

    @Inject
    PrefectureReads prefectures;
    @Inject
    Clock clock;

    @GET
    @Operation(operationId = "listProvinces", summary = "List the provinces valid on a date", description = "With their prefecture and county counts on asOf. Paged; sortable fields: code, name.")
    @APIResponse(responseCode = "200", description = "A page of Province", content = @Content(schema = @Schema(ref = "ProvincePage")))
    @APIResponse(responseCode = "400", description = "Bad parameter", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response list(@QueryParam("asOf") @Parameter(description = "Date (YYYY-MM-DD); default today (China).") String asOf,
            @BeanParam PageParams paging, @Context UriInfo uri) {
        return Paged.ok(prefectures.provinces(Params.asOf(asOf, clock), paging), uri);
    }
}
