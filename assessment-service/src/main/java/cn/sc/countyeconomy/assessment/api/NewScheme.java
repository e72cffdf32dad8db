package cn.sc.countyeconomy.assessment.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewScheme")
public record NewScheme(@NotNull @Schema(example = "2025") Integer year, @NotNull @Valid SchemeDefinition definition) {
}
