package cn.sc.countyeconomy.assessment.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewRun")
public record NewRun(@NotNull @Schema(example = "2024") Integer year, @NotNull @Schema(example = "1") Integer schemeVersion) {
}
