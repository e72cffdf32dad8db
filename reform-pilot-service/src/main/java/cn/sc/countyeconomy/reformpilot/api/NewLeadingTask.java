package cn.sc.countyeconomy.reformpilot.api;

import cn.sc.countyeconomy.api.validation.Text;
import cn.sc.countyeconomy.reformpilot.LeadingTask;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "LeadingTaskRequest")
public record NewLeadingTask(
        @NotBlank @Text @Size(max = 500) @Schema(example = "深化农村集体产权制度改革") String title,
        @Size(max = 10000) String description,
        @NotBlank @Schema(description = "A reform area code of the pilot's programme.", example = "URBAN_RURAL_INTEGRATION") String areaCode,
        @NotBlank @Size(max = 500) @Schema(example = "县委改革办") String responsibleUnit,
        List<@NotBlank String> expectedOutcomes,
        @Valid List<LeadingTask.@NotNull SupportingMeasure> supportingMeasures) {
}
