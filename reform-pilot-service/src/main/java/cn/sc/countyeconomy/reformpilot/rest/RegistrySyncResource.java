package cn.sc.countyeconomy.reformpilot.rest;

import cn.sc.countyeconomy.api.outbox.OutboxRelay;
import cn.sc.countyeconomy.api.outbox.RelayRun;
import cn.sc.countyeconomy.api.problem.Problem;
import cn.sc.countyeconomy.api.request.QueryParams;
import cn.sc.countyeconomy.api.security.ProvinceWide;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.reformpilot.api.ReconciliationReport;
import cn.sc.countyeconomy.reformpilot.service.RegistryReconciliation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The registry writes of pilots, for admins: send what is waiting now, and reconcile with the registry. */
@Path("/api/v1/registry-sync")
@Tag(name = "Registry sync", description = "Pilots' designations in county-registry-service: the outbox relay and the reconciliation")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class RegistrySyncResource {

    @Inject
    OutboxRelay relay;
    @Inject
    RegistryReconciliation reconciliation;

    @POST
    @ProvinceWide("run the registry relay, which sends the writes of every county")
    @Path("/relay")
    @Operation(operationId = "runRegistryRelay", summary = "Send the waiting registry writes now (admin)", description = "Sends every PENDING registry write now, also "
            + "those waiting out a backoff after a fault, each with its fixed Idempotency-Key; the relay also runs by itself "
            + "(reform-pilot.registry-sync.relay-every). Messages of one pilot go in order.")
    @APIResponse(responseCode = "200", description = "What was sent, refused and left to retry", content = @Content(schema = @Schema(implementation = RelayRun.class)))
    public RelayRun relay() {
        return relay.relayNow();
    }

    @POST
    @ProvinceWide("reconcile with the registry, which compares every county")
    @Path("/reconciliation")
    @Operation(operationId = "reconcileRegistryDesignations", summary = "Reconcile pilots with the registry (admin)", description = "Compares the registry's REFORM_PILOT designations "
            + "of this service's sources (reform-pilot:programme/<id>) with the pilots: a missing designation or end is recorded again "
            + "(ENQUEUED, sent by the relay), an unknown id is recorded here, an orphan or an earlier end in the registry is REPORTED. "
            + "Also runs by itself (reform-pilot.registry-sync.reconcile-every). 503 while the registry cannot be reached.")
    @APIResponse(responseCode = "200", description = "The comparison and the drift found", content = @Content(schema = @Schema(implementation = ReconciliationReport.class)))
    @APIResponse(responseCode = "404", description = "Unknown programme", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The registry cannot be reached", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public ReconciliationReport reconcile(@QueryParam("programId") @Parameter(description = "Only this programme (default: all).") String programId) {
        return reconciliation.reconcile(QueryParams.id("programId", programId));
    }
}
