package cn.sc.countyeconomy.reformpilot.api;

import cn.sc.countyeconomy.reformpilot.ProgressReport;
import cn.sc.countyeconomy.reformpilot.ReportStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

@Schema(name = "ProgressReport")
public record ReportView(long id, long pilotId, @Schema(example = "2024-Q3") String period, LocalDate periodEnd,
        @Schema(description = "periodEnd + reform-pilot.report-due-days (15 by default).") LocalDate dueDate,
        LocalDate submittedOn,
        @Schema(description = "Submitted after its due date.") boolean late,
        ReportStatus status, String narrative, List<ProgressReport.Figure> figures,
        List<String> evidenceLinks, boolean synthetic, long version) {

    public static ReportView of(ProgressReport r) {
        return new ReportView(r.id, r.pilotId, r.period, r.periodEnd, r.dueDate, r.submittedOn, r.late, r.status,
                r.narrative, List.copyOf(r.figures), List.copyOf(r.evidenceLinks), r.synthetic, r.version);
    }
}
