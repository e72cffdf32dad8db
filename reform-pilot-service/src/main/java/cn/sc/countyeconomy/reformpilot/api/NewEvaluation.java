package cn.sc.countyeconomy.reformpilot.api;

import cn.sc.countyeconomy.reformpilot.Evaluation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

@Schema(name = "EvaluationRequest")
public record NewEvaluation(
        @NotBlank @Size(max = 300) @Schema(example = "省委改革办评估组") String evaluator,
        @NotNull LocalDate evaluatedOn,
        @NotNull @Schema(description = "PASS allows acceptance, FAIL rejection, RECTIFY a return to IMPLEMENTING.") Evaluation.Verdict verdict,
        @Size(max = 20000) String summary,
        @NotEmpty @Valid List<Evaluation.@NotNull Criterion> criteria) {
}
