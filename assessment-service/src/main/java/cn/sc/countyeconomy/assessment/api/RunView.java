package cn.sc.countyeconomy.assessment.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "ScoringRun")
public record RunView(long id, int year, long schemeId, int schemeVersion, String inputHash, int countyCount,
        boolean official, Instant createdAt, String createdBy,
        @Schema(description = "Outlier treatments applied, per category and indicator.") Object treatments) {
}
