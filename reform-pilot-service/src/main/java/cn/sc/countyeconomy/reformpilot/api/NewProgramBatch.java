package cn.sc.countyeconomy.reformpilot.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "ProgramBatchRequest")
public record NewProgramBatch(@NotNull @Min(1) Integer number, LocalDate announcedOn, @Size(max = 2000) String source) {
}
