package cn.sc.countyeconomy.assistance.api;

import cn.sc.countyeconomy.api.validation.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

@Schema(name = "NewResultIndicator")
public record NewIndicator(@NotBlank @Text @Size(max = 300) String title, @NotBlank @Size(max = 50) String unit,
        @NotNull @Min(1990) @Max(2100) Integer baselineYear,
        @NotNull @Digits(integer = 16, fraction = 2) BigDecimal baselineValue,
        @NotEmpty @Size(max = 40) List<@Valid @NotNull PeriodInput> periods) {
}
