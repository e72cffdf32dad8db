package cn.sc.countyeconomy.assessment.rest;

import cn.sc.countyeconomy.api.csv.CsvExport;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.Paged;
import cn.sc.countyeconomy.api.request.QueryParams;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.assessment.api.RankingRow;
import cn.sc.countyeconomy.assessment.api.Scorecard;
import cn.sc.countyeconomy.assessment.service.RunService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.*;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1")
@Tag(name = "rankings", description = "Rankings and scorecards from the official run of a year")
public class RankingResource {

    @Inject
    RunService runs;
    @Context
    UriInfo uri;

    @GET
    @Path("/rankings")
    @Produces({MediaType.APPLICATION_JSON, CsvExport.MEDIA_TYPE})
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "listRankings", summary = "The ranking of a year", description = "From the run marked official for the year, ordered by category, rank "
            + "(ties share a rank: 1, 2, 2, 4), county; unranked counties (disqualified, insufficient data) last. "
            + "Filter category; paged; sortable: category, rank, overall, countyCode, rankChange; Accept: text/csv for all rows as CSV.")
    @APIResponse(responseCode = "200", description = "A page of ranking rows, or CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RankingRowPage")), @Content(mediaType = CsvExport.MEDIA_TYPE)})
    @APIResponse(responseCode = "404", description = "No official run for the year")
    public Response rankings(@QueryParam("year") String yearText, @QueryParam("category") String category, @BeanParam PageParams page,
            @Context HttpHeaders headers) {
        int year = QueryParams.year("year", yearText, true, 2000, 2100);
        if (headers.getAcceptableMediaTypes().stream().anyMatch(m -> !m.isWildcardType() && m.isCompatible(MediaType.valueOf(CsvExport.MEDIA_TYPE)))) {
            List<RankingRow> rows = runs.ranking(year, category, page.rawSort());
            return CsvExport.ok(RankingRow.class, rows::stream, "ranking-" + year + (category == null ? "" : "-" + category) + ".csv");
        }
        return Paged.ok(runs.ranking(year, category, page), uri);
    }

    @GET
    @Path("/counties/{code}/scorecard")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "getScorecard", summary = "A county's scorecard", description = "From the official run of the year: overall and area scores with the "
            + "category's medians, rank among the ranked counties of its category, change against the previous official year, "
            + "award, the three strongest and weakest indicators (normalised value minus the category median), red-line status.")
    @APIResponse(responseCode = "200", description = "The scorecard", content = @Content(schema = @Schema(implementation = Scorecard.class)))
    public Scorecard scorecard(@PathParam("code") String code, @QueryParam("year") String yearText) {
        int year = QueryParams.year("year", yearText, true, 2000, 2100);
        return runs.scorecard(code, year);
    }
}
