package cn.sc.countyeconomy.assessment.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "DemoDataRequest")
public record DemoDataRequest(@Schema(example = "[2022, 2023, 2024]") List<Integer> years,
        @Schema(description = "Also set every county's data to APPROVED", defaultValue = "true") Boolean approve) {
}
