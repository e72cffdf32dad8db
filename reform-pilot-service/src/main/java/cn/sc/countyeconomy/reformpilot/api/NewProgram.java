package cn.sc.countyeconomy.reformpilot.api;

import cn.sc.countyeconomy.api.validation.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

@Schema(name = "ProgramRequest", description = "A programme to create or replace.")
public record NewProgram(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]*", message = "must be upper-case letters, digits, '-' or '_'") @Schema(example = "URBAN-RURAL-2026") String code,
        @NotBlank @Text @Size(max = 300) @Schema(example = "县域城乡融合发展改革试点") String name,
        @NotBlank @Size(max = 300) String nameEn,
        @NotBlank @Size(max = 300) String approvingBody,
        LocalDate launchDate,
        LocalDate deadline,
        @Size(max = 2000) String deadlineNote,
        @NotEmpty List<@NotBlank String> reformAreas,
        @Valid List<@NotNull NewProgramBatch> batches,
        @Size(max = 2000) String source,
        @Size(max = 2000) String sourceNote) {
}
