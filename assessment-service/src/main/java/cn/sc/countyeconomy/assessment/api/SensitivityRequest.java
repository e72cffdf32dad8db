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
        @Schema(description = "Imputation methods drawn from with equal probability per replication.") List<Model.Imputation> imputations) {
}
