package cn.sc.countyeconomy.registry.rest;

import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.Paged;
import cn.sc.countyeconomy.api.problem.Problem;
import cn.sc.countyeconomy.api.request.QueryParams;
import cn.sc.countyeconomy.api.security.ProvinceWide;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.registry.api.PrefectureUpdate;
import cn.sc.countyeconomy.registry.api.PrefectureView;
import cn.sc.countyeconomy.registry.service.CorrectionService;
import cn.sc.countyeconomy.registry.service.PrefectureReads;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

import java.time.Clock;
import java.time.LocalDate;

/** Prefecture-level divisions. */
@Path("/api/v1/prefectures")
@Tag(name = "Prefectures", description = "Prefecture-level divisions: prefecture-level cities and autonomous prefectures")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READER)
public class PrefectureResource {

    @Inject
    PrefectureReads prefectures;
    @Inject
    CorrectionService corrections;
    @Inject
    Clock clock;

    @GET
    @Operation(operationId = "listPrefectures", summary = "List the prefectures valid on a date", description = "Filtered by region and province. Paged; sortable fields: code, name, regionCode.")
    @APIResponse(responseCode = "200", description = "A page of Prefecture", content = @Content(schema = @Schema(ref = "PrefecturePage")))
    @APIResponse(responseCode = "400", description = "Bad parameter", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response list(@QueryParam("asOf") @Parameter(description = "Date (YYYY-MM-DD); default today (China).") String asOf,
            @QueryParam("region") @Parameter(example = "PANXI") String region,
            @QueryParam("province") @Parameter(example = "510000") String province,
            @BeanParam PageParams paging, @Context UriInfo uri) {
        LocalDate date = Params.asOf(asOf, clock);
        return Paged.ok(prefectures.prefectures(date, Params.upper(region), QueryParams.countyCode("province", province), paging), uri);
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getPrefecture", summary = "Read a prefecture with its counties", description = "As it was on asOf, with the county-level divisions under it then.")
    @APIResponse(responseCode = "200", description = "The prefecture, with an ETag", content = @Content(schema = @Schema(implementation = PrefectureView.class)))
    @APIResponse(responseCode = "404", description = "No prefecture with this code on asOf", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("code") @Parameter(example = "513400") String code, @QueryParam("asOf") String asOf) {
        PrefectureView v = prefectures.prefecture(Params.code(code), Params.asOf(asOf, clock));
        return Preconditions.ok(v, v.version()).build();
    }

    @PUT
    @ProvinceWide("change a prefecture, which spans counties")
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "correctPrefecture", summary = "Correct a prefecture's recorded attributes (admin)", description = "Name, English name, economic region, on the version "
            + "valid on asOf (default current), in place. Requires If-Match. Audited; a PREFECTURE CORRECTED event goes to the change feed.")
    @APIResponse(responseCode = "200", description = "The corrected prefecture", content = @Content(schema = @Schema(implementation = PrefectureView.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "Missing If-Match", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response correct(@PathParam("code") String code, @QueryParam("asOf") String asOf,
            @HeaderParam(Preconditions.IF_MATCH) String ifMatch, @Valid @NotNull PrefectureUpdate body) {
        PrefectureView v = corrections.correctPrefecture(Params.code(code), QueryParams.date("asOf", asOf, null), ifMatch, body);
        return Preconditions.ok(v, v.version()).build();
    }
}
