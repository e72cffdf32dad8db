package cn.sc.countyeconomy.reformpilot.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

@Schema(name = "ReportsDue")
public record ReportsDue(String period, LocalDate dueDate, List<MissingReport> missing) {
}
