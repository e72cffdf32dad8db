package cn.sc.countyeconomy.assistance.api;

import cn.sc.countyeconomy.api.validation.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "NewTask")
public record NewTask(@NotNull @Pattern(regexp = CountyCode.PATTERN, message = CountyCode.MESSAGE) String countyCode,
        @NotBlank @Text @Size(max = 500) String title, @NotBlank @Size(max = 300) String responsibleUnit,
        @NotNull LocalDate deadline,
        @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") @Size(max = 1000) String evidenceUrl) {
}
