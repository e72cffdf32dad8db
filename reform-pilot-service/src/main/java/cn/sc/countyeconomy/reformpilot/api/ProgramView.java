package cn.sc.countyeconomy.reformpilot.api;

import cn.sc.countyeconomy.reformpilot.Program;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

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
        List<ProgramBatchView> batches,
        @Schema(description = "Where the programme's data comes from (URL), if published.") String source,
        String sourceNote,
        @Schema(description = "Optimistic-locking version; also the ETag.") long version) {

    public static ProgramView of(Program p) {
        return new ProgramView(p.id, p.code, p.nameZh, p.nameEn, p.approvingBody, p.launchDate, p.deadline,
                p.deadlineNote, List.copyOf(p.areaCodes), p.batches.stream().map(ProgramBatchView::of).toList(),
                p.source, p.sourceNote, p.version);
    }
}
