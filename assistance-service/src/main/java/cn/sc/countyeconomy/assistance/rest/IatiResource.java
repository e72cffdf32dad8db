package cn.sc.countyeconomy.assistance.rest;

import cn.sc.countyeconomy.api.request.QueryParams;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.assistance.ProjectSector;
import cn.sc.countyeconomy.assistance.ProjectStatus;
import cn.sc.countyeconomy.assistance.ProjectTerm;
import cn.sc.countyeconomy.assistance.service.IatiService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The IATI 2.03 XML files (activity file and organisation file), streamed. */
@Path("/api/v1/iati")
@Tag(name = "iati", description = "IATI 2.03 XML: the activity file for any filter of projects and the organisation file")
public class IatiResource {

    @Inject
    IatiService iati;

    @GET
    @Path("/activities.xml")
    @RolesAllowed(Roles.READER)
    @Produces(MediaType.APPLICATION_XML)
    @Operation(operationId = "getIatiActivityFile", summary = "IATI 2.03 activity file of the projects matching the filters", description = "Filters (all optional, as for the project list): countyCode, forceCode, status, term, leadOrganisationId, sector. "
            + "One iati-activity per project: participating organisations with their roles (2 the lead, 1/3/4 partners), "
            + "recipient country CN and region (the prefecture, vocabulary 99), DAC 5-digit sector (vocabulary 1) and the project "
            + "sector (vocabulary 99), yearly budgets and planned disbursements (the budget split by calendar day), every "
            + "transaction (a correction is a transaction of its own, possibly negative, whose description names the transaction "
            + "it corrects), results with baseline and target/actual per period. Valid against the official IATI 2.03 schema. "
            + "Streamed; 404 when no project matches (an activity file holds at least one activity).")
    @APIResponse(responseCode = "200", description = "The activity file", content = @Content(mediaType = MediaType.APPLICATION_XML))
    @APIResponse(responseCode = "404", description = "No project matches the filters")
    public Response activities(@QueryParam("countyCode") String county, @QueryParam("forceCode") String forceCode,
            @QueryParam("status") String status, @QueryParam("term") String term, @QueryParam("leadOrganisationId") String lead,
            @QueryParam("sector") String sector) {
        IatiService.ActivityFilter f = new IatiService.ActivityFilter(QueryParams.countyCode("countyCode", county), forceCode,
                QueryParams.enumValue(ProjectStatus.class, "status", status), QueryParams.enumValue(ProjectTerm.class, "term", term),
                QueryParams.id("leadOrganisationId", lead), QueryParams.enumValue(ProjectSector.class, "sector", sector));
        iati.requireActivities(f);
        StreamingOutput body = out -> iati.writeActivities(f, out);
        return Response.ok(body, MediaType.APPLICATION_XML_TYPE.withCharset("UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"iati-activities.xml\"").build();
    }

    @GET
    @Path("/organisation.xml")
    @RolesAllowed(Roles.READER)
    @Produces(MediaType.APPLICATION_XML)
    @Operation(operationId = "getIatiOrganisationFile", summary = "IATI 2.03 organisation file of the assisting organisations", description = "One iati-organisation per assisting organisation: per calendar year the total budget of the projects it leads "
            + "(split by calendar day) and its total expenditure (the disbursements it provided, corrections included). "
            + "Valid against the official IATI 2.03 organisation schema.")
    @APIResponse(responseCode = "200", description = "The organisation file", content = @Content(mediaType = MediaType.APPLICATION_XML))
    public Response organisations() {
        iati.requireOrganisations();
        StreamingOutput body = out -> iati.writeOrganisations(out);
        return Response.ok(body, MediaType.APPLICATION_XML_TYPE.withCharset("UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"iati-organisation.xml\"").build();
    }
}
