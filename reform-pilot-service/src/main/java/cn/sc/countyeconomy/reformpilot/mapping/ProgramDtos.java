package cn.sc.countyeconomy.reformpilot.mapping;

import cn.sc.countyeconomy.reformpilot.Program;
import cn.sc.countyeconomy.reformpilot.ProgramBatch;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

public final class ProgramDtos {

    private ProgramDtos() {
    }

    @Schema(name = "Program", description = "A reform pilot programme.")
    public record ProgramView(
            long id,
            @Schema(example = "CHENGYU-COUNTY-REFORM-2020") String code,
            @Schema(example = "成渝地区双城经济圈建设县域集成改革试点") String name,
            String nameEn,
            String approvingBody,
            LocalDate launchDate,
            @Schema(description = "Date by which the pilots must be finished; null when no deadline is known.", example = "2025-12-31") LocalDate deadline,
            @Schema(description = "How the deadline was derived from the source.") String deadlineNote,
            @Schema(description = "Codes of the programme's reform areas (see /api/v1/reform-areas).") List<String> reformAreas,
            List<BatchView> batches,
            @Schema(description = "Where the programme's data comes from (URL), if published.") String source,
            String sourceNote,
            @Schema(description = "Optimistic-locking version; also the ETag.") long version) {

        public static ProgramView of(Program p) {
            return new ProgramView(p.id, p.code, p.nameZh, p.nameEn, p.approvingBody, p.launchDate, p.deadline,
                    p.deadlineNote, List.copyOf(p.areaCodes), p.batches.stream().map(BatchView::of).toList(),
                    p.source, p.sourceNote, p.version);
        }
    }

    @Schema(name = "ProgramBatch")
    public record BatchView(int number, LocalDate announcedOn, String source) {
        static BatchView of(ProgramBatch b) {
            return new BatchView(b.number, b.announcedOn, b.source);
        }
    }

    @Schema(name = "ProgramRequest", description = "A programme to create or replace.")
    public record ProgramRequest(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]*", message = "must be upper-case letters, digits, '-' or '_'")
            @Schema(example = "URBAN-RURAL-2026") String code,
            @NotBlank @Size(max = 300) @Schema(example = "县域城乡融合发展改革试点") String name,
            @NotBlank @Size(max = 300) String nameEn,
            @NotBlank @Size(max = 300) String approvingBody,
            LocalDate launchDate,
            LocalDate deadline,
            @Size(max = 2000) String deadlineNote,
            @NotEmpty List<@NotBlank String> reformAreas,
            @Valid List<@NotNull BatchRequest> batches,
            @Size(max = 2000) String source,
            @Size(max = 2000) String sourceNote) {
    }

    @Schema(name = "ProgramBatchRequest")
    public record BatchRequest(@NotNull @Min(1) Integer number, LocalDate announcedOn, @Size(max = 2000) String source) {
    }
}
