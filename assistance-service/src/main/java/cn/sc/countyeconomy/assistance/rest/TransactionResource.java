package cn.sc.countyeconomy.assistance.rest;

import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.assistance.api.TransactionView;
import cn.sc.countyeconomy.assistance.service.FundService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/transactions")
@Tag(name = "projects")
@Produces(MediaType.APPLICATION_JSON)
public class TransactionResource {

    @Inject
    FundService funds;

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "getTransaction", summary = "Read one fund transaction", description = "Transactions are never changed; a mistake is put right by a correction.")
    @APIResponse(responseCode = "200", description = "The transaction", content = @Content(schema = @Schema(implementation = TransactionView.class)))
    public TransactionView get(@PathParam("id") long id) {
        return funds.get(id);
    }
}
