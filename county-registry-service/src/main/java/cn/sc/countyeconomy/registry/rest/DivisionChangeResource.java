package cn.sc.countyeconomy.registry.rest;

import cn.sc.countyeconomy.api.idempotency.Created;
import cn.sc.countyeconomy.api.idempotency.IdempotentCreate;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.Paged;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.problem.Problem;
import cn.sc.countyeconomy.api.request.QueryParams;
import cn.sc.countyeconomy.api.security.ProvinceWide;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.registry.api.DivisionChangeView;
import cn.sc.countyeconomy.registry.api.DivisionImportReport;
import cn.sc.countyeconomy.registry.api.NewDivisionChange;
import cn.sc.countyeconomy.registry.service.DivisionChangeService;
import cn.sc.countyeconomy.registry.service.DivisionImportService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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

import java.io.InputStream;

/** Changes of the division register, and the bulk import of divisions. */
@Path("/api/v1")
@Tag(name = "Division changes", description = "Rename, recode, upgrade, transfer, merge, split, abolish; bulk import")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READER)
public class DivisionChangeResource {

    static final String PROBLEM = "application/problem+json";

    @Inject
    DivisionChangeService changes;
    @Inject
    DivisionImportService imports;
    @Inject
    IdempotentCreate idempotent;

    @GET
    @Path("/division-changes")
    @Operation(operationId = "listDivisionChanges", summary = "List division changes", description = "Paged; sortable fields: effectiveDate, id (default effectiveDate ascending).")
    @APIResponse(responseCode = "200", description = "A page of DivisionChange", content = @Content(schema = @Schema(ref = "DivisionChangePage")))
    public Response list(@BeanParam PageParams paging, @Context UriInfo uri) {
        return Paged.ok(changes.list(paging), uri);
    }

    @GET
    @Path("/division-changes/{id}")
    @Operation(operationId = "getDivisionChange", summary = "Read a division change")
    @APIResponse(responseCode = "200", description = "The change", content = @Content(schema = @Schema(implementation = DivisionChangeView.class)))
    @APIResponse(responseCode = "404", description = "Unknown id", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public DivisionChangeView get(@PathParam("id") String id) {
        return changes.get(QueryParams.requiredId("id", id));
    }

    @POST
    @ProvinceWide("change divisions")
    @Path("/division-changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createDivisionChange", summary = "Apply a division change (admin)", description = "Atomic: the sources' current versions close on effectiveDate, the successors open on it, lineage links both ways, "
            + "designations open on that day end (and move to the successors with carryOverDesignations), category assignments are "
            + "copied with carryOverCategories, and one change feed event per effect is written. Any invalid request writes nothing: "
            + "unknown code (422 rule unknown-code), a retired source (409), effectiveDate not after the current version's validFrom "
            + "(422), a new code still in use on effectiveDate (409), merge into itself (422), wrong shape for the kind (422). "
            + "Supports Idempotency-Key. Audited.")
    @APIResponse(responseCode = "201", description = "Applied; the answer lists the effects with their feed sequences", content = @Content(schema = @Schema(implementation = DivisionChangeView.class)))
    @APIResponse(responseCode = "409", description = "Conflicts with the register (retired source, code in use)", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid change (see rule)", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response apply(@HeaderParam(IdempotentCreate.HEADER) String key, @Valid @NotNull NewDivisionChange body,
            @Context UriInfo uri) {
        return idempotent.created(key, body, uri, () -> {
            DivisionChangeView v = changes.apply(body);
            return Created.at("/api/v1/division-changes/" + v.id(), v);
        });
    }

    @POST
    @ProvinceWide("import divisions")
    @Path("/divisions/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "importDivisions", summary = "Bulk import divisions from CSV (admin)", description = "Body: CSV (UTF-8) with the header code,name,prefecture_code,prefecture_name,province_code,province_name (the layout of "
            + "county_level_divisions.csv), read as a stream. Provinces, prefectures and counties not yet in the register are created "
            + "(valid from `validFrom`), those already there with the same name and parent are left alone: importing a file twice "
            + "changes nothing. A row contradicting the register (other name, parent or level; a retired code) refuses the whole import "
            + "with 409 and the report; a malformed row is a 422 naming its line. `dryRun=true` answers the report without writing. "
            + "Created prefectures and counties are CREATED events in the change feed (provinces are not). Audited.")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(schema = @Schema(implementation = DivisionImportReport.class)))
    @APIResponse(responseCode = "409", description = "Rows contradict the register; nothing written", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Malformed CSV or rows", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public DivisionImportReport importDivisions(
            @QueryParam("dryRun") @Parameter(description = "true: only report") String dryRun,
            @QueryParam("validFrom") @Parameter(description = "Validity start of created divisions; default 1949-10-01 (the seed's baseline).") String validFrom,
            @QueryParam("source") @Parameter(description = "Provenance recorded on created rows.") String source,
            InputStream body) {
        boolean dry;
        if (dryRun == null || dryRun.isBlank() || dryRun.equalsIgnoreCase("false")) {
            dry = false;
        } else if (dryRun.equalsIgnoreCase("true")) {
            dry = true;
        } else {
            throw ApiException.invalidParameter("dryRun", "must be true or false, was '" + dryRun + "'");
        }
        return imports.importCsv(body, dry, QueryParams.date("validFrom", validFrom, DivisionImportService.BASELINE),
                source == null || source.isBlank() ? DivisionImportService.DEFAULT_SOURCE : source);
    }
}
