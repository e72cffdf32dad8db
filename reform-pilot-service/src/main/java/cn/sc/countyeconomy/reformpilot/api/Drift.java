package cn.sc.countyeconomy.reformpilot.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Drift", description = "A difference between a pilot and the registry's designations of its programme, and what was done.")
public record Drift(
        @Schema(description = "MISSING_IN_REGISTRY: the pilot's designation is not in the registry; ID_NOT_RECORDED: it is, and "
                + "this service did not know its id; END_DIFFERS: its end differs; ORPHAN_IN_REGISTRY: the registry holds a designation "
                + "of this service's source that no pilot accounts for.") Kind kind,
        @Schema(description = "ENQUEUED: a registry write was recorded and goes out with the relay; RECORDED: corrected here; "
                + "REPORTED: left for a person (the registry's admin can correct or end it).") Action action,
        @Schema(nullable = true) Long pilotId,
        @Schema(nullable = true) Long designationId,
        String countyCode,
        String source,
        String detail) {

    public enum Kind {
        MISSING_IN_REGISTRY, ID_NOT_RECORDED, END_DIFFERS, ORPHAN_IN_REGISTRY
    }

    public enum Action {
        ENQUEUED, RECORDED, REPORTED
    }
}
