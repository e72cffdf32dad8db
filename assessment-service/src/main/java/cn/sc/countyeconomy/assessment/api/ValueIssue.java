package cn.sc.countyeconomy.assessment.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ValueIssue")
public record ValueIssue(int index, String countyCode, String indicatorCode,
        @Schema(description = "REJECTED (the batch is refused), FLAGGED (stored, marked for review) or WARNING") String severity,
        @Schema(description = "unknown-indicator, unknown-county, type, unit, range, duplicate, locked, yoy-change, required-missing") String rule,
        String message) {
}
