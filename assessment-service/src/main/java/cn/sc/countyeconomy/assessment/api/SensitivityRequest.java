package cn.sc.countyeconomy.assessment.api;

import cn.sc.countyeconomy.assessment.scoring.Model;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "SensitivityRequest", description = "Monte Carlo settings. Empty alternatives keep the scheme's own choice.")
public record SensitivityRequest(
        @Schema(description = "1 to 10000", defaultValue = "1000") Integer replications,
        @Schema(description = "Seed of the random generator; the same seed gives the same result.", defaultValue = "1") Long seed,
        @Schema(description = "Each weight is multiplied by U(1-p, 1+p), then renormalised; 0 to 0.9.", defaultValue = "0.25") Double weightPerturbation,
        @Schema(description = "Normalisation methods drawn from with equal probability per replication.") List<Model.Normalisation> normalisations,
        @Schema(description = "Imputation methods drawn from with equal probability per replication.") List<Model.Imputation> imputations,
        @Schema(description = "Optional. Outlier treatment as an uncertain input (COINr get_sensitivity's treatment alternatives): per "
                + "replication one entry is drawn with equal probability and applied to every indicator; true = COINr's default "
                + "Treat (winsorise up to winmax points, then log_CT), false = no treatment. Repeating an entry makes it more likely; "
                + "absent or empty = each indicator as the scheme says. At most 10 entries, none null.", example = "[true, false]") List<Boolean> treatments) {

    /** The request without treatment alternatives (as before the field existed). */
    public SensitivityRequest(Integer replications, Long seed, Double weightPerturbation, List<Model.Normalisation> normalisations,
            List<Model.Imputation> imputations) {
        this(replications, seed, weightPerturbation, normalisations, imputations, null);
    }
}
