package cn.sc.countyeconomy.reformpilot.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "ReplicationRequest", description = "A county that took up the practice, and the date it did.")
public record NewReplication(
        @NotNull @Pattern(regexp = "^[0-9]{6}$", message = "must be a 6-digit county code") @Schema(example = "511602") String countyCode,
        @NotNull @Schema(example = "2024-09-01") LocalDate replicatedOn,
        @Size(max = 2000) String note) {
}
