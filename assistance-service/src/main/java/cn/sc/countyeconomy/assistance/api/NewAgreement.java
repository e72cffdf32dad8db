package cn.sc.countyeconomy.assistance.api;

import cn.sc.countyeconomy.api.validation.Text;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

@Schema(name = "NewAgreement", description = "Created as DRAFT. Give exactly one of annualAmount (CNY) and annualSharePercent; one or two key industries.")
public record NewAgreement(@NotNull Long organisationId,
        @NotNull @Pattern(regexp = CountyCode.PATTERN, message = CountyCode.MESSAGE) String countyCode,
        @NotBlank @Text @Size(max = 300) String title,
        @NotNull LocalDate termStart, @NotNull LocalDate termEnd,
        @Positive @Digits(integer = 16, fraction = 2) BigDecimal annualAmount,
        @Positive @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal annualSharePercent,
        @NotNull @Size(min = 1, max = 2) List<@NotBlank @Size(max = 100) String> keyIndustries) {
}
