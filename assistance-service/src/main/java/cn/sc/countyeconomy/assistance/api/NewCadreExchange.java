package cn.sc.countyeconomy.assistance.api;

import cn.sc.countyeconomy.assistance.CadreExchange;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "NewCadreExchange", description = "A count of cadres; no names or other personal data are accepted.")
public record NewCadreExchange(@NotNull @Pattern(regexp = CountyCode.PATTERN, message = CountyCode.MESSAGE) String countyCode,
        @NotNull Long organisationId, @NotNull CadreExchange.ExchangeKind kind,
        @NotNull LocalDate periodStart, @NotNull LocalDate periodEnd,
        @NotNull @Positive @Max(10_000) Integer people) {
}
