package cn.sc.countyeconomy.assessment.rest;

import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.assessment.IndicatorArea;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/indicator-areas")
@Tag(name = "indicator areas")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READER)
public class IndicatorAreaResource {

    @GET
    @Operation(summary = "List the indicator areas", description = "The five areas of the county economy assessment's indicators.")
    public List<IndicatorAreaView> list() {
        return IndicatorArea.<IndicatorArea>listAll(Sort.by("ordinal")).stream().map(IndicatorAreaView::of).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Read one of the indicator areas by its code")
    public IndicatorAreaView get(@PathParam("code") String code) {
        return IndicatorArea.<IndicatorArea>findByIdOptional(code).map(IndicatorAreaView::of)
                .orElseThrow(() -> ApiException.notFound("IndicatorArea", code));
    }

    @Schema(name = "IndicatorArea")
    public record IndicatorAreaView(String code, String name, String nameEn, String source) {
        static IndicatorAreaView of(IndicatorArea e) {
            return new IndicatorAreaView(e.code, e.nameZh, e.nameEn, e.source);
        }
    }
}
