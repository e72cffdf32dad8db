package cn.sc.countyeconomy.reformpilot.api;

import cn.sc.countyeconomy.reformpilot.ProgressReport;
import cn.sc.countyeconomy.reformpilot.ReportStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "ProgressReportRequest")
public record NewReport(
        @NotBlank @Pattern(regexp = "[0-9]{4}-Q[1-4]", message = "must be a quarter such as 2024-Q3") @Schema(example = "2024-Q3") String period,
        @NotNull ReportStatus status,
        @NotBlank @Size(max = 20000) String narrative,
        @Valid List<ProgressReport.@NotNull Figure> figures,
        List<@NotBlank @Size(max = 2000) String> evidenceLinks) {
}
