package cn.sc.countyeconomy.registry.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A correction of a category assignment. */
@Schema(name = "CategoryAssignmentCorrection")
public record CategoryAssignmentUpdate(@NotBlank String categoryCode, @NotBlank @Size(max = 2000) String source,
        @Size(max = 2000) @Schema(description = "Why (goes to the audit trail).") String reason) {
}
