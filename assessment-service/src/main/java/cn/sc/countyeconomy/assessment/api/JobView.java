package cn.sc.countyeconomy.assessment.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "SensitivityJob")
public record JobView(long id, long runId, String status, int replications, int done,
        @Schema(description = "Percent done, 0 to 100.") double percent,
        Object config, Object result, String error, Instant createdAt,
        @Schema(description = "When an instance last started it (a takeover after its instance stopped starts it again).") Instant startedAt,
        @Schema(description = "How many times an instance started it: 2 or more after a takeover.") int attempts,
        Instant finishedAt) {
}
