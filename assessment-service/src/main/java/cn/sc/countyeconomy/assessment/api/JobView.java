package cn.sc.countyeconomy.assessment.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "SensitivityJob")
public record JobView(long id, long runId, String status, int replications, int done,
        @Schema(description = "Percent done, 0 to 100.") double percent,
        Object config, Object result, String error, Instant createdAt, Instant finishedAt) {
}
