package cn.sc.countyeconomy.assistance.api;

import cn.sc.countyeconomy.assistance.FundTransaction;
import cn.sc.countyeconomy.assistance.TransactionType;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

@JsonPropertyOrder({"id", "projectId", "type", "iatiTransactionType", "date", "amount", "currency",
        "providerOrganisationId", "providerName", "receiverName", "description", "correction", "correctsTransactionId",
        "correctionReason", "synthetic", "recordedAt"})
@Schema(name = "FundTransaction", description = "A commitment, disbursement or expenditure in CNY (exact decimal, 2 places); "
        + "a correction references the transaction it corrects and may be negative.")
public record TransactionView(long id, long projectId, TransactionType type,
        @Schema(description = "IATI transaction-type code: 2 commitment, 3 disbursement, 4 expenditure") String iatiTransactionType,
        LocalDate date, BigDecimal amount, String currency, Long providerOrganisationId,
        String providerName, String receiverName, String description, boolean correction,
        @Schema(description = "The transaction this one corrects (null when it corrects none)") Long correctsTransactionId,
        String correctionReason, boolean synthetic, Instant recordedAt) {

    public static TransactionView of(FundTransaction t) {
        return new TransactionView(t.id, t.projectId, t.type, t.type.iatiCode(), t.date, t.amount, t.currency,
                t.providerOrganisationId, t.providerName, t.receiverName, t.description, t.correction,
                t.correctsTransactionId, t.correctionReason, t.synthetic, t.recordedAt);
    }
}
