package cn.sc.countyeconomy.registry.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewCategoryAssignment")
public record NewCategoryAssignment(@NotNull @Pattern(regexp = "[0-9]{6}", message = "must be 6 digits") @Schema(example = "510522") String countyCode,
        @NotNull @Min(1949) @Max(2200) @Schema(example = "2024") Integer year,
        @NotBlank @Schema(example = "MAIN_FARM_PRODUCE") String categoryCode,
        @NotBlank @Size(max = 2000) String source) {
}
