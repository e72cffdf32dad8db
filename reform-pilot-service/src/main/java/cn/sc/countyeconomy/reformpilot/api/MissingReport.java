package cn.sc.countyeconomy.reformpilot.api;

import cn.sc.countyeconomy.reformpilot.Pilot;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "MissingReport", description = "A report a reporting pilot owes for a period.")
public record MissingReport(long pilotId, long programId, String countyCode, String countyName, String period,
        LocalDate dueDate, @Schema(description = "Its due date has passed.") boolean overdue) {

    public static MissingReport of(Pilot p, String period, LocalDate due, LocalDate today) {
        return new MissingReport(p.id, p.programId, p.countyCode, p.countyName, period, due, today.isAfter(due));
    }
}
