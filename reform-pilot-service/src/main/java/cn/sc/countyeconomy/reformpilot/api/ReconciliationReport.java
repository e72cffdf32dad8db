package cn.sc.countyeconomy.reformpilot.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "ReconciliationReport", description = "The registry's REFORM_PILOT designations of this service's sources compared "
        + "with the pilots, and the drift found.")
public record ReconciliationReport(
        @Schema(description = "The sources compared, one per programme.", example = "[\"reform-pilot:programme/1\"]") List<String> sources,
        @Schema(description = "Pilots with a designation compared.") int pilotsCompared,
        @Schema(description = "Pilots skipped because a registry write of theirs is still PENDING or FAILED (their sync state says so).") int pilotsInFlight,
        @Schema(description = "Designations the registry holds from these sources.") int registryDesignations,
        List<Drift> drifts) {
}
