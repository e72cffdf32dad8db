package cn.sc.countyeconomy.assessment.api;

import cn.sc.countyeconomy.assessment.scoring.Model;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** The content of a scheme, as sent and stored (one JSON document). */
@Schema(description = "A scheme's content: indicators with their treatment, per-category weights, aggregation, red lines and awards.")
public record SchemeDefinition(
        @Schema(description = "Where the weights come from. The shipped default says they are the project's own, not official.") String weightsSource,
        @NotNull @Schema(description = "ARITHMETIC or GEOMETRIC weighted mean, for areas and overall.") Model.Aggregation aggregation,
        @NotNull @DecimalMin("0") @DecimalMax("1") @Schema(description = "Share of the scheme's indicators a county must have (before imputation) to be scored.", example = "0.8") Double minDataShare,
        @NotEmpty List<@Valid IndicatorEntry> indicators,
        @NotEmpty @Schema(description = "category code -> indicator code -> weight; each category's weights must sum to 1 (± 1e-9).") Map<String, Map<String, Double>> weights,
        List<Model.@Valid RedLineRule> redLines,
        List<Model.@Valid AwardRule> awards,
        @Schema(description = "Parameters of COINr's treatment and normalisation functions (winmax, skew/kurtosis thresholds, l_u, m_sd, ...); absent or null fields take COINr 1.1.14's defaults.") @Valid Model.Parameters parameters,
        @Schema(description = "What a county's missing value of a red-line indicator means. FAIL: the rule fails and its consequence applies. "
                + "REVIEW (default when absent): scored and ranked, the finding and the scorecard say REVIEW, no award. IGNORE: not "
                + "evaluated, no consequence.", example = "REVIEW") Model.MissingRedLineValue missingRedLineValue) {

    /** A definition with COINr's default parameters. */
    public SchemeDefinition(String weightsSource, Model.Aggregation aggregation, Double minDataShare, List<IndicatorEntry> indicators,
            Map<String, Map<String, Double>> weights, List<Model.RedLineRule> redLines, List<Model.AwardRule> awards) {
        this(weightsSource, aggregation, minDataShare, indicators, weights, redLines, awards, null, null);
    }

    /** What a missing red-line value means in this scheme: as stated, or REVIEW. */
    public Model.MissingRedLineValue missingRedLineValueOrDefault() {
        return missingRedLineValue == null ? Model.MissingRedLineValue.REVIEW : missingRedLineValue;
    }

    @Schema(name = "SchemeIndicator", description = "An indicator in a scheme. direction and area are copied from the catalogue when the scheme is saved, so a published scheme keeps its meaning.")
    public record IndicatorEntry(
            @NotBlank String code,
            @Schema(readOnly = true) Model.Direction direction,
            @Schema(readOnly = true) String area,
            @NotNull Model.Normalisation normalisation,
            @NotNull Model.Imputation imputation,
            boolean treatOutliers,
            @Schema(description = "Target, for DISTANCE_TO_TARGET.") Double target,
            @Schema(description = "Lower goalpost, for GOALPOSTS.") Double lowerGoalpost,
            @Schema(description = "Upper goalpost, for GOALPOSTS.") Double upperGoalpost) {
    }

    public Model.Scheme toModel() {
        List<Model.IndicatorSpec> specs = indicators.stream().map(i -> new Model.IndicatorSpec(i.code(), i.area(),
                i.direction(), i.normalisation(), i.imputation(), i.treatOutliers(), i.target(), i.lowerGoalpost(),
                i.upperGoalpost())).toList();
        return new Model.Scheme(specs, weights, aggregation, minDataShare,
                redLines == null ? List.of() : redLines, awards == null ? List.of() : awards, parameters, missingRedLineValueOrDefault());
    }
}
