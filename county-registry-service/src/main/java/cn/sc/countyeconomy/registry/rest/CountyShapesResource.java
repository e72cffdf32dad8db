package cn.sc.countyeconomy.registry.rest;

import cn.sc.countyeconomy.api.problem.Problem;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.registry.mapping.Views.CodeName;
import cn.sc.countyeconomy.registry.mapping.Views.CountyView;
import cn.sc.countyeconomy.registry.service.CountyReads;
import cn.sc.countyeconomy.registry.service.CountyShapes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** County shapes for maps, filtered like the county list. */
@Path("/api/v1/counties.geojson")
@Tag(name = "Counties")
@RolesAllowed(Roles.READER)
public class CountyShapesResource {

    public static final String GEOJSON = "application/geo+json";

    @Inject
    CountyReads reads;
    @Inject
    CountyShapes shapes;
    @Inject
    ObjectMapper json;

    @GET
    @Produces({GEOJSON, "application/json"})
    @Operation(summary = "County shapes as a GeoJSON FeatureCollection",
            description = "The counties of the list (same filters: asOf, prefecture, region, province, type, category, year, designation, name; "
                    + "not paged), each a Feature with the register's properties (code, name, nameEn, type, prefectureCode, prefectureName, "
                    + "regionCode) and the shape of seed/sichuan/counties.geojson. A code without its own shape (a code retired before the "
                    + "shapes were drawn) uses the shape of its single successor, marked in `shapeCode`. Codes with no shape at all are listed in "
                    + "the foreign member `missingShapes`. Shapes are indicative: coarse, about 2017, datum unknown (may be GCJ-02).")
    @APIResponse(responseCode = "200", description = "FeatureCollection", content = @Content(mediaType = GEOJSON))
    @APIResponse(responseCode = "400", description = "A filter is malformed",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response features(@BeanParam CountyResource.ListFilter f) throws JsonProcessingException {
        List<CountyView> counties = new ArrayList<>(reads.list(f.date(), f.filter()));
        counties.sort(Comparator.comparing(CountyView::code));
        StringBuilder out = new StringBuilder(1 << 20);
        out.append("{\"type\":\"FeatureCollection\",\"features\":[");
        List<String> missing = new ArrayList<>();
        boolean first = true;
        for (CountyView c : counties) {
            String shapeCode = c.code();
            Optional<String> geometry = shapes.geometry(c.code());
            if (geometry.isEmpty()) {
                // follow a 1:1 lineage forward (e.g. 宜宾县 511521 -> 叙州区 511504) to the shape drawn for the successor
                String next = successorOf(c.code());
                if (next != null) {
                    geometry = shapes.geometry(next);
                    shapeCode = next;
                }
            }
            if (geometry.isEmpty()) {
                missing.add(c.code());
                continue;
            }
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("code", c.code());
            props.put("name", c.name());
            props.put("nameEn", c.nameEn());
            props.put("type", c.type());
            props.put("prefectureCode", c.prefectureCode());
            props.put("prefectureName", c.prefectureName());
            props.put("regionCode", c.regionCode());
            props.put("shapeCode", shapeCode);
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append("{\"type\":\"Feature\",\"id\":\"").append(c.code()).append("\",\"properties\":")
                    .append(json.writeValueAsString(props)).append(",\"geometry\":").append(geometry.get()).append('}');
        }
        out.append("],\"missingShapes\":").append(json.writeValueAsString(missing))
                .append(",\"shapeSource\":").append(json.writeValueAsString(CountyShapes.SOURCE)).append('}');
        return Response.ok(out.toString(), GEOJSON + ";charset=UTF-8").build();
    }

    private String successorOf(String code) {
        CountyView v = reads.one(code, java.time.LocalDate.of(9999, 12, 31));
        List<CodeName> succ = v.successors();
        return succ.size() == 1 ? succ.get(0).code() : null;
    }
}
