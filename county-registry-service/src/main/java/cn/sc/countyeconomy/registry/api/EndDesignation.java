package cn.sc.countyeconomy.registry.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "EndDesignation")
public record EndDesignation(
        @NotNull @Schema(description = "Day the designation ends (exclusive); after its validFrom.", example = "2025-12-31") LocalDate endDate,
        @NotBlank @Size(max = 2000) @Schema(example = "Pilot accepted and closed") String reason) {
}
