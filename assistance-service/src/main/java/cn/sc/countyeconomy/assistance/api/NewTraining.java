package cn.sc.countyeconomy.assistance.api;

import cn.sc.countyeconomy.assistance.TrainingRecord;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewTrainingRecord")
public record NewTraining(@NotNull @Pattern(regexp = CountyCode.PATTERN, message = CountyCode.MESSAGE) String countyCode,
        @NotNull @Min(2000) @Max(2100) Integer year, Long organiserOrganisationId,
        @NotBlank @Size(max = 300) String organiserName,
        @NotNull @Positive @Max(1_000_000) Integer peopleTrained,
        @NotNull TrainingRecord.TrainingKind kind) {
}
