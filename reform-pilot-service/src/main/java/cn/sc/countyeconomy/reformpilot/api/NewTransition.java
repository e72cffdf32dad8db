package cn.sc.countyeconomy.reformpilot.api;

import cn.sc.countyeconomy.reformpilot.PilotStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "TransitionRequest", description = "Moves a pilot to another status.")
public record NewTransition(
        @NotNull PilotStatus to,
        @NotNull @Schema(description = "When the decision took effect; not before the current status' date, not after today.") LocalDate date,
        @NotBlank @Size(max = 2000) String reason) {
}
