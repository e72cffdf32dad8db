package cn.sc.countyeconomy.registry.rest;

import cn.sc.countyeconomy.api.problem.Problem;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.registry.service.CountyShapes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;

/** County shapes for maps, filtered like the county list. */
@Path("/api/v1/counties.geojson")
@Tag(name = "Counties")
@RolesAllowed(Roles.READER)
public class CountyShapesResource {

    public static final String GEOJSON = "application/geo+json";

    @Inject
    CountyShapes shapes;
    @Inject
    Clock clock;

    @GET
    @Produces({GEOJSON, "application/json"})
    @Operation(operationId = "getCountyShapes", summary = "County shapes as a GeoJSON FeatureCollection", description = "The counties of the list (same filters: asOf, prefecture, region, province, type, category, year, designation, name; "
            + "not paged), each a Feature with the register's properties (code, name, nameEn, type, prefectureCode, prefectureName, "
            + "regionCode) and the shape of seed/sichuan/counties.geojson. A code without its own shape (a code retired before the "
            + "shapes were drawn) uses the shape of its single successor, marked in `shapeCode`. Codes with no shape at all are listed in "
            + "the foreign member `missingShapes`. Shapes are indicative: coarse, about 2017, datum unknown (may be GCJ-02).")
    @APIResponse(responseCode = "200", description = "FeatureCollection", content = @Content(mediaType = GEOJSON))
    @APIResponse(responseCode = "400", description = "A filter is malformed", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response features(@BeanParam CountyListParams f) {
        return Response.ok(shapes.featureCollection(f.date(clock), f.filter()), GEOJSON + ";charset=UTF-8").build();
    }
}
