package cn.sc.countyeconomy.assistance.rest;

import cn.sc.countyeconomy.api.csv.CsvExport;
import cn.sc.countyeconomy.api.idempotency.Created;
import cn.sc.countyeconomy.api.idempotency.IdempotentCreate;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.Paged;
import cn.sc.countyeconomy.api.paging.SortFields;
import cn.sc.countyeconomy.api.request.QueryParams;
import cn.sc.countyeconomy.api.security.CountyScoped;
import cn.sc.countyeconomy.api.security.Roles;
import cn.sc.countyeconomy.assistance.TransactionType;
import cn.sc.countyeconomy.assistance.api.NewTransaction;
import cn.sc.countyeconomy.assistance.api.TransactionView;
import cn.sc.countyeconomy.assistance.security.ProjectCounties;
import cn.sc.countyeconomy.assistance.service.FundService;
import io.quarkus.panache.common.Sort;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A project's fund transactions, under /api/v1/projects/{id}/transactions (one transaction: /api/v1/transactions/{id}). */
@Path("/api/v1/projects/{id}/transactions")
@Tag(name = "projects", description = "Assistance projects (IATI activities), their status pipeline, results and fund transactions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProjectTransactionResource {

    static final SortFields TX_SORT = SortFields.of("id", "id", "date", "date", "amount", "amount", "type", "type");

    @Inject
    FundService funds;
    @Inject
    IdempotentCreate idempotent;

    @POST
    @CountyScoped(resource = ProjectCounties.class)
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "createProjectTransaction", summary = "Record a commitment, disbursement or expenditure", description = "amount: CNY, not zero, at most 2 decimals. "
            + "Disbursements may not exceed commitments (rule disbursement-exceeds-commitment), expenditure may not exceed "
            + "disbursements (rule expenditure-exceeds-disbursement), on the resulting totals and as of every transaction date "
            + "(so no disbursement before its commitment); the problem carries the date (asOf) and the figures. "
            + "A correction (admin only) references the transaction it corrects (correctsTransactionId) with a correctionReason "
            + "and may be negative (a reversal is minus the whole amount); it obeys the same limits and may not take what it "
            + "corrects below zero (rule correction-exceeds-original). Nothing is changed in place. "
            + "Checked under a lock on the project, so concurrent transactions cannot together pass a limit.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = TransactionView.class)))
    @APIResponse(responseCode = "422", description = "Invalid amount (field amount) or a broken rule (member rule)")
    public Response addTransaction(@PathParam("id") long id, @HeaderParam(IdempotentCreate.HEADER) String key,
            @Valid @NotNull NewTransaction body, @Context UriInfo uri) {
        return idempotent.created(key, body, uri, () -> {
            TransactionView v = funds.add(id, body);
            return Created.at("/api/v1/transactions/" + v.id(), v);
        });
    }

    @GET
    @RolesAllowed(Roles.READER)
    @Produces({MediaType.APPLICATION_JSON, CsvExport.MEDIA_TYPE})
    @Operation(operationId = "listProjectTransactions", summary = "A project's fund transactions", description = "Filter: type. Sortable fields: id, date, amount, type. "
            + "Accept: text/csv streams all matching transactions as CSV.")
    @APIResponse(responseCode = "200", description = "A page of transactions (JSON) or all of them (CSV)", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "FundTransactionPage")),
            @Content(mediaType = CsvExport.MEDIA_TYPE)})
    public Response transactions(@PathParam("id") long id, @BeanParam PageParams page, @QueryParam("type") String typeParam,
            @HeaderParam("Accept") String accept, @Context UriInfo uri) {
        TransactionType type = QueryParams.enumValue(TransactionType.class, "type", typeParam);
        Sort sort = TX_SORT.panache(page.rawSort());
        if (accept != null && accept.contains(CsvExport.MEDIA_TYPE)) {
            return CsvExport.ok(TransactionView.class, funds.export(id, type, sort), "project-" + id + "-transactions.csv");
        }
        return Paged.ok(funds.list(id, type, sort, page), uri);
    }
}
