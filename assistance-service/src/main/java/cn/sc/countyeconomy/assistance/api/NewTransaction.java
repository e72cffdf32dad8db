package cn.sc.countyeconomy.assistance.api;

import cn.sc.countyeconomy.assistance.TransactionType;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

@Schema(name = "NewFundTransaction", description = "amount in CNY, positive, at most 2 decimal places. correction=true (admin only, with correctionReason) lets a transaction pass the cumulative rules.")
public record NewTransaction(@NotNull TransactionType type, @NotNull LocalDate date,
        @NotNull @Positive @Digits(integer = 16, fraction = 2) @Schema(example = "1000000.00") BigDecimal amount,
        @Pattern(regexp = "CNY", message = "must be CNY") String currency,
        Long providerOrganisationId,
        @NotBlank @Size(max = 300) String providerName,
        @NotBlank @Size(max = 300) String receiverName,
        @Size(max = 1000) String description,
        boolean correction, @Size(max = 1000) String correctionReason) {
}
