package cn.sc.countyeconomy.reformpilot.api;

import cn.sc.countyeconomy.reformpilot.Evaluation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

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
