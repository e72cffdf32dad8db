package cn.sc.countyeconomy.assistance.api;

import cn.sc.countyeconomy.assistance.TransactionType;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

@Schema(name = "NewFundTransaction", description = "amount in CNY, at most 2 decimal places, not zero; negative only in a correction. "
        + "A correction (admin only) names the transaction it corrects (correctsTransactionId: same project, same type, dated on or "
        + "before the correction) and says why (correctionReason); a reversal is a correction by minus the whole amount. "
        + "Corrections obey the same limits as every other transaction.")
public record NewTransaction(@NotNull TransactionType type, @NotNull LocalDate date,
        @NotNull @Digits(integer = 16, fraction = 2) @Schema(example = "1000000.00") BigDecimal amount,
        @Pattern(regexp = "CNY", message = "must be CNY") String currency,
        Long providerOrganisationId,
        @NotBlank @Size(max = 300) String providerName,
        @NotBlank @Size(max = 300) String receiverName,
        @Size(max = 1000) String description,
        @Schema(description = "The transaction this one corrects; makes this transaction a correction") Long correctsTransactionId,
        @Size(max = 1000) @Schema(description = "Why, required for a correction and only there") String correctionReason) {
}
