package cn.sc.countyeconomy.reformpilot.api;

import cn.sc.countyeconomy.reformpilot.PilotStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "CountyPilot")
public record CountyPilotView(long id, long programId, String programName, int batch, PilotStatus status,
        @Schema(description = "Title of the leading reform task; null while none is recorded.") String leadingTask,
        @Schema(description = "Date of the transition into the current status.") LocalDate since) {
}
