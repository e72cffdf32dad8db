package cn.sc.countyeconomy.registry.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "EndCategoryAssignment", description = "Withdraws an assignment: it no longer counts and drops out of listings; it stays in the audit trail and the feed.")
public record EndCategoryAssignment(@Schema(description = "Day of withdrawal; today when left out.") LocalDate endDate,
        @NotBlank @Size(max = 2000) String reason) {
}
