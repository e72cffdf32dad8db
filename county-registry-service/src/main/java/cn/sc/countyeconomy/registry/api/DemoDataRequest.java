package cn.sc.countyeconomy.registry.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "DemoDataRequest")
public record DemoDataRequest(@NotNull @NotEmpty @Size(max = 10) @Schema(example = "[2022, 2023, 2024]") List<@NotNull @Min(2000) @Max(2100) Integer> years) {
}
