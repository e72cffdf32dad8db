package cn.sc.countyeconomy.reformpilot.rest;

import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.idempotency.Created;
import cn.sc.countyeconomy.api.idempotency.IdempotentCreate;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.Paged;
import cn.sc.countyeconomy.api.paging.SortFields;
import cn.sc.countyeconomy.api.request.QueryParams;
import cn.sc.countyeconomy.api.security.CountyScoped;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.reformpilot.api.ExperienceView;
import cn.sc.countyeconomy.reformpilot.api.NewExperience;
import cn.sc.countyeconomy.reformpilot.api.NewReplication;
import cn.sc.countyeconomy.reformpilot.security.ExperienceCounties;
import cn.sc.countyeconomy.reformpilot.security.PilotCounties;
import cn.sc.countyeconomy.reformpilot.service.ReportService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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

@Path("/api/v1/experiences")
@Tag(name = "Experiences", description = "Replicable practices drawn from pilots, and where they were promoted.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExperienceResource {

    static final SortFields SORT = SortFields.of("id", "id", "title", "title", "pilotId", "pilotId");

    @Inject
    ReportService reports;

    @Inject
    IdempotentCreate idempotent;

    @GET
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "listExperiences", summary = "List experiences", description = "Filters: tag, pilotId, countyCode (the pilot's county), "
            + "replicatedIn (a county that replicated the practice). Sortable fields: id, title, pilotId.")
    @APIResponse(responseCode = "200", description = "A page of experiences with Link and X-Total-Count", content = @Content(schema = @Schema(ref = "ExperiencePage")))
    public Response list(@QueryParam("tag") @Parameter(example = "集体经济") String tag, @QueryParam("pilotId") String pilotId,
            @QueryParam("countyCode") String countyCode, @QueryParam("replicatedIn") @Parameter(example = "511602") String replicatedIn,
            @BeanParam PageParams paging, @Context UriInfo uri) {
        return Paged.ok(reports.experiences(tag == null || tag.isBlank() ? null : tag.trim(), QueryParams.id("pilotId", pilotId),
                QueryParams.countyCode("countyCode", countyCode), QueryParams.countyCode("replicatedIn", replicatedIn),
                SORT.panache(paging.rawSort()), paging), uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "getExperience", summary = "Read an experience", description = "The ETag is for If-Match on PUT.")
    @APIResponse(responseCode = "200", description = "The experience", content = @Content(schema = @Schema(implementation = ExperienceView.class)))
    public Response get(@PathParam("id") long id) {
        ExperienceView e = reports.experience(id);
        return Preconditions.ok(e, e.version()).build();
    }

    @POST
    @CountyScoped(resource = PilotCounties.class, id = "body:pilotId")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "createExperience", summary = "Record an experience", description = "A replicable practice of a pilot with tags and promotions "
            + "(place, date, channel). Idempotency-Key makes a retry safe.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = ExperienceView.class)))
    @APIResponse(responseCode = "422", description = "Validation failed (e.g. unknown pilotId)")
    public Response create(@Valid @NotNull NewExperience request,
            @HeaderParam(IdempotentCreate.HEADER) @Parameter(description = "Makes retries of this create safe") String key,
            @Context UriInfo uri) {
        return idempotent.created(key, request, uri, () -> {
            ExperienceView e = reports.createExperience(request);
            return Created.at("/api/v1/experiences/" + e.id(), e).withETag(e.version());
        });
    }

    @PUT
    @CountyScoped(resource = ExperienceCounties.class)
    @Path("/{id}")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "updateExperience", summary = "Change an experience", description = "Requires If-Match. Promotions are replaced as a whole: send the list with the new one added.")
    @APIResponse(responseCode = "200", description = "The changed experience", content = @Content(schema = @Schema(implementation = ExperienceView.class)))
    public Response update(@PathParam("id") long id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
            @Valid @NotNull NewExperience request) {
        ExperienceView e = reports.updateExperience(id, ifMatch, request);
        return Preconditions.ok(e, e.version()).build();
    }

    @POST
    @CountyScoped(body = "countyCode")
    @Path("/{id}/replications")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "recordExperienceReplication", summary = "Record that a county replicated an experience", description = "The county "
            + "that took the practice up and the date it did: not in the future, not before the pilot started implementing, not the pilot's own "
            + "county, a county county-registry-service holds ACTIVE on that date (read from this service's local copy of the registry's facts); "
            + "each county once per experience. A county-scoped token "
            + "records only its own counties' replications. Answers the experience with all its replications.")
    @APIResponse(responseCode = "201", description = "Recorded; the experience with its replications", content = @Content(schema = @Schema(implementation = ExperienceView.class)))
    @APIResponse(responseCode = "404", description = "No such experience")
    @APIResponse(responseCode = "409", description = "The county is already recorded for this experience")
    @APIResponse(responseCode = "422", description = "Invalid fields, or rules replication-in-pilot-county, replication-before-pilot, county-unknown, county-not-active")
    @APIResponse(responseCode = "503", description = "The local copy of the registry's facts was never loaded; nothing was written")
    public Response recordReplication(@PathParam("id") long id, @Valid @NotNull NewReplication request,
            @HeaderParam(IdempotentCreate.HEADER) @Parameter(description = "Makes retries of this create safe") String key,
            @Context UriInfo uri) {
        return idempotent.created(key, request, uri, () -> {
            ExperienceView e = reports.recordReplication(id, request);
            return Created.at("/api/v1/experiences/" + e.id(), e).withETag(e.version());
        });
    }
}
