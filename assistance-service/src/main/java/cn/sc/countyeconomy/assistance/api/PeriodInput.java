package cn.sc.countyeconomy.assistance.api;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

@Schema(name = "ResultPeriodInput")
public record PeriodInput(@NotNull LocalDate periodStart, @NotNull LocalDate periodEnd,
        @NotNull @Digits(integer = 16, fraction = 2) BigDecimal target,
        @Digits(integer = 16, fraction = 2) BigDecimal actual) {
}
