package cn.sc.countyeconomy.reformpilot.api;

import cn.sc.countyeconomy.reformpilot.ProgramBatch;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "ProgramBatch")
public record ProgramBatchView(int number, LocalDate announcedOn, String source) {

    static ProgramBatchView of(ProgramBatch b) {
        return new ProgramBatchView(b.number, b.announcedOn, b.source);
    }
}
