package cn.sc.countyeconomy.reformpilot.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "Nomination", description = "Nominates a county for a programme and batch.")
public record NewPilot(
        @NotNull Long programId,
        @NotNull @Min(1) Integer batch,
        @NotBlank @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit county code") @Schema(example = "510522") String countyCode,
        @NotNull @Schema(description = "The county must be ACTIVE in county-registry-service on this date.") LocalDate nominatedOn,
        @NotBlank @Size(max = 2000) String reason) {
}
