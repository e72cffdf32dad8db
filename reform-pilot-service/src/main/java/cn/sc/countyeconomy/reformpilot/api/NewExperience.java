package cn.sc.countyeconomy.reformpilot.api;

import cn.sc.countyeconomy.api.validation.Text;
import cn.sc.countyeconomy.reformpilot.Experience;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "ExperienceRequest")
public record NewExperience(
        @NotNull Long pilotId,
        @NotBlank @Text @Size(max = 500) String title,
        @NotBlank @Size(max = 20000) String description,
        List<@NotBlank @Size(max = 100) String> tags,
        @Valid List<Experience.@NotNull Promotion> promotions) {
}
