package cn.sc.countyeconomy.registry.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "DesignationCorrection", description = "Corrects a designation in place (admin). typeCode and countyCode cannot change.")
public record DesignationUpdate(@NotNull LocalDate validFrom, LocalDate validTo,
        @Pattern(regexp = "LISTED|CORROBORATED|INFERRED") String evidenceStatus,
        @NotBlank @Size(max = 2000) String sourceRef, @Size(max = 2000) String note,
        @NotBlank @Size(max = 2000) @Schema(description = "Why the correction is made (goes to the audit trail).") String reason) {
}
