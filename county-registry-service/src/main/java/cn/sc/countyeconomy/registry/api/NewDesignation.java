package cn.sc.countyeconomy.registry.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "NewDesignation")
public record NewDesignation(
        @NotBlank @Schema(example = "URBAN_RURAL_INTEGRATION_PILOT") String typeCode,
        @NotNull @Pattern(regexp = "[0-9]{6}", message = "must be 6 digits") @Schema(example = "510522") String countyCode,
        @NotNull @Schema(description = "First day; the county must be ACTIVE on it.", example = "2024-01-01") LocalDate validFrom,
        @Schema(description = "End (exclusive), optional.", nullable = true) LocalDate validTo,
        @NotBlank @Size(max = 2000) @Schema(description = "Source reference (URL or document).") String sourceRef,
        @Size(max = 2000) String note,
        @Schema(description = "LISTED, CORROBORATED or INFERRED; optional.", nullable = true) @Pattern(regexp = "LISTED|CORROBORATED|INFERRED") String evidenceStatus) {
}
