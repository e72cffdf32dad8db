package cn.sc.countyeconomy.assessment.rest;

import cn.sc.countyeconomy.api.request.QueryParams;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.assessment.service.RunService;
import cn.sc.countyeconomy.assessment.service.ScorecardPages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The scorecard as a printable page: the same path as the JSON scorecard ({@link RankingResource}),
 * chosen with {@code Accept: text/html}. The class shares RankingResource's path so that both
 * methods are candidates of one content negotiation.
 */
@Path("/api/v1")
@Tag(name = "rankings")
public class ScorecardPageResource {

    @Inject
    ScorecardPages pages;
    @Inject
    RunService runs;

    @GET
    @Path("/counties/{code}/scorecard")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "getCountyScorecardPage", summary = "A county's scorecard as a printable page", description = "With "
            + "`Accept: text/html`: one A4 page with the county on a map of its prefecture, overall and area scores against the "
            + "category median as bars, rank and rank change, strongest and weakest indicators, red-line findings, award, and "
            + "assistance and pilot status when those services answer (the page says so when they do not). JSON stays the default.")
    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML))
    public Response page(@Parameter(description = "County code", example = "510522") @PathParam("code") String code,
            @Parameter(description = "Assessment year", example = "2024", required = true) @QueryParam("year") String yearText,
            @Context HttpHeaders headers) {
        String county = QueryParams.countyCode("code", code);
        int year = QueryParams.year("year", yearText, true, 2000, 2100);
        if (!asksForHtml(headers)) {
            // the negotiation between the two methods picks this one for "*/*" too; JSON must stay the default
            return Response.ok(runs.scorecard(county, year), MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.ok(pages.page(county, year), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    /** Only an Accept header that names text/html itself (as browsers send it) asks for the page. */
    static boolean asksForHtml(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream().anyMatch(m -> !m.isWildcardType() && !m.isWildcardSubtype()
                && m.isCompatible(MediaType.TEXT_HTML_TYPE));
    }
}
