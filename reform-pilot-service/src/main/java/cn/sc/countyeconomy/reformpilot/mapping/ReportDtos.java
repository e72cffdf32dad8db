package cn.sc.countyeconomy.reformpilot.mapping;

import cn.sc.countyeconomy.reformpilot.Evaluation;
import cn.sc.countyeconomy.reformpilot.Experience;
import cn.sc.countyeconomy.reformpilot.Pilot;
import cn.sc.countyeconomy.reformpilot.ProgressReport;
import cn.sc.countyeconomy.reformpilot.ReportStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

public final class ReportDtos {

    private ReportDtos() {
    }

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

    @Schema(name = "ProgressReportRequest")
    public record ReportRequest(
            @NotBlank @Pattern(regexp = "[0-9]{4}-Q[1-4]", message = "must be a quarter such as 2024-Q3") @Schema(example = "2024-Q3") String period,
            @NotNull ReportStatus status,
            @NotBlank @Size(max = 20000) String narrative,
            @Valid List<ProgressReport.@NotNull Figure> figures,
            List<@NotBlank @Size(max = 2000) String> evidenceLinks) {
    }

    @Schema(name = "MissingReport", description = "A report a reporting pilot owes for a period.")
    public record MissingReport(long pilotId, long programId, String countyCode, String countyName, String period,
                                LocalDate dueDate, @Schema(description = "Its due date has passed.") boolean overdue) {
        public static MissingReport of(Pilot p, String period, LocalDate due, LocalDate today) {
            return new MissingReport(p.id, p.programId, p.countyCode, p.countyName, period, due, today.isAfter(due));
        }
    }

    @Schema(name = "Evaluation")
    public record EvaluationView(long id, long pilotId, String evaluator, LocalDate evaluatedOn, Evaluation.Verdict verdict,
                                 String summary, List<Evaluation.Criterion> criteria,
                                 @Schema(description = "Sum of the criteria's scores.") BigDecimal totalScore,
                                 @Schema(description = "Sum of the criteria's maximum scores.") BigDecimal maxTotal,
                                 @Schema(description = "Token subject of who recorded it.") String recordedBy, long version) {
        public static EvaluationView of(Evaluation e) {
            BigDecimal total = e.criteria.stream().map(Evaluation.Criterion::score).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal max = e.criteria.stream().map(Evaluation.Criterion::maxScore).reduce(BigDecimal.ZERO, BigDecimal::add);
            return new EvaluationView(e.id, e.pilotId, e.evaluator, e.evaluatedOn, e.verdict, e.summary,
                    List.copyOf(e.criteria), total, max, e.recordedBy, e.version);
        }
    }

    @Schema(name = "EvaluationRequest")
    public record EvaluationRequest(
            @NotBlank @Size(max = 300) @Schema(example = "省委改革办评估组") String evaluator,
            @NotNull LocalDate evaluatedOn,
            @NotNull @Schema(description = "PASS allows acceptance, FAIL rejection, RECTIFY a return to IMPLEMENTING.") Evaluation.Verdict verdict,
            @Size(max = 20000) String summary,
            @NotEmpty @Valid List<Evaluation.@NotNull Criterion> criteria) {
    }

    @Schema(name = "Experience")
    public record ExperienceView(long id, long pilotId, String countyCode, String countyName, String title,
                                 String description, List<String> tags, List<Experience.Promotion> promotions, long version) {
        public static ExperienceView of(Experience e, Pilot p) {
            return new ExperienceView(e.id, e.pilotId, p.countyCode, p.countyName, e.title, e.description,
                    List.copyOf(e.tags), List.copyOf(e.promotions), e.version);
        }
    }

    @Schema(name = "ExperienceRequest")
    public record ExperienceRequest(
            @NotNull Long pilotId,
            @NotBlank @Size(max = 500) String title,
            @NotBlank @Size(max = 20000) String description,
            List<@NotBlank @Size(max = 100) String> tags,
            @Valid List<Experience.@NotNull Promotion> promotions) {
    }
}
