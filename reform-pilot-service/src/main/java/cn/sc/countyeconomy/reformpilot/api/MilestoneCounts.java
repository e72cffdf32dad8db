package cn.sc.countyeconomy.reformpilot.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MilestoneCounts")
public record MilestoneCounts(int total, int done,
        @Schema(description = "Not done, planned between today and today + dueWindowDays.") int due,
        @Schema(description = "Not done, planned before today.") int overdue,
        int dueWindowDays) {
}
