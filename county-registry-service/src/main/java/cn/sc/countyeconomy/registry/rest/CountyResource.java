package cn.sc.countyeconomy.registry.rest;

import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.registry.Division;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;

@Path("/api/v1/counties")
@Tag(name = "Counties", description = "County-level divisions: districts, county-level cities, counties, autonomous counties")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READER)
public class CountyResource {

    @GET
    @Path("/{code}")
    @Operation(summary = "Read a county-level division by its 6-digit code")
    @APIResponse(responseCode = "200", description = "The county, with an ETag of its version",
            content = @Content(schema = @Schema(implementation = CountyView.class)))
    public Response get(@PathParam("code") @Parameter(description = "6-digit division code (GB/T 2260)", example = "510522") String code) {
        if (!code.matches("[0-9]{6}")) {
            throw ApiException.invalidParameter("code", "must be 6 digits, was '" + code + "'");
        }
        Division d = Division.current(code).filter(x -> "COUNTY".equals(x.level))
                .orElseThrow(() -> ApiException.notFound("County", code));
        return Preconditions.ok(CountyView.of(d), d.version).build();
    }

    @Schema(name = "County")
    public record CountyView(String code, String name, String nameEn, String type, String prefectureCode,
                             LocalDate validFrom, LocalDate validTo, String source, long version) {
        static CountyView of(Division d) {
            return new CountyView(d.code, d.nameZh, d.nameEn, d.type, d.parentCode, d.validFrom, d.validTo, d.source, d.version);
        }
    }
}
