package cn.sc.countyeconomy.registry.rest;

import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.PageResult;
import cn.sc.countyeconomy.api.paging.Paged;
import cn.sc.countyeconomy.api.problem.Problem;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.registry.Division;
import cn.sc.countyeconomy.registry.api.DivisionVersionRow;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every version of every county-level division, for the services that keep a local copy of the register. */
@Path("/api/v1/county-versions")
@Tag(name = "Change feed")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READER)
public class CountyVersionResource {

    @GET
    @Operation(operationId = "listCountyVersions", summary = "List every version of every county-level division", description = "Current and retired "
            + "versions alike, each with its validity [validFrom, validTo), ordered by code and validFrom. With the category assignments "
            + "(`/category-assignments?includeEnded=true`, all years) and the designations (`/designations`, ended ones included) it is "
            + "the full load of a local copy: read the feed's `headSequence` first (`/changes?after=0&limit=1`), load the lists, then "
            + "follow the feed from that sequence. Paged (`size` up to 500).")
    @APIResponse(responseCode = "200", description = "A page of county versions", content = @Content(schema = @Schema(ref = "CountyVersionRowPage")))
    @APIResponse(responseCode = "400", description = "page or size malformed or out of range", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Response list(@BeanParam PageParams paging, @Context UriInfo uri) {
        List<Division> all = Division.list("level in (?1, ?2) order by code, validFrom", Division.COUNTY, Division.PREFECTURE);
        Map<String, List<Division>> prefectures = new HashMap<>();
        for (Division d : all) {
            if (Division.PREFECTURE.equals(d.level)) {
                prefectures.computeIfAbsent(d.code, k -> new ArrayList<>()).add(d);
            }
        }
        List<DivisionVersionRow> rows = new ArrayList<>();
        for (Division d : all) {
            if (Division.COUNTY.equals(d.level)) {
                rows.add(new DivisionVersionRow(d.code, d.nameZh, d.nameEn, d.type, d.parentCode, prefectureName(prefectures.get(d.parentCode), d),
                        d.validFrom, d.validTo, d.validFromKnown(), d.version));
            }
        }
        return Paged.ok(PageResult.ofList(rows, paging), uri);
    }

    private static String prefectureName(List<Division> versions, Division county) {
        if (versions == null || versions.isEmpty()) {
            return null;
        }
        Division pick = versions.get(versions.size() - 1);
        for (Division p : versions) {
            if (p.validOn(county.validFrom)) {
                pick = p;
            }
        }
        return pick.nameZh;
    }
}
