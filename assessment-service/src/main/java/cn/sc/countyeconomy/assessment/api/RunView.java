package cn.sc.countyeconomy.assessment.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "ScoringRun")
public record RunView(long id, int year, long schemeId, int schemeVersion, String inputHash, int countyCount,
        boolean official, Instant createdAt, String createdBy,
        @Schema(description = "Outlier treatments applied, per category and indicator.") Object treatments,
        @Schema(description = "Version of the scoring code that computed the run (its COINr semantics included); with inputHash it says exactly what produced the numbers.", example = "2.1.0+coinr-1.1.14") String scoringCodeVersion) {
}
