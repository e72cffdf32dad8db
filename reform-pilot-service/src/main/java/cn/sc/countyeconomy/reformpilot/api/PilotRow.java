package cn.sc.countyeconomy.reformpilot.api;

import cn.sc.countyeconomy.reformpilot.Pilot;
import cn.sc.countyeconomy.reformpilot.PilotStatus;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "PilotRow", description = "A pilot as a CSV row.")
@JsonPropertyOrder({"id", "programId", "batch", "countyCode", "countyName", "prefectureName", "status", "statusSince",
        "nominatedOn", "implementationStart", "designationId"})
public record PilotRow(long id, long programId, int batch, String countyCode, String countyName, String prefectureName,
        PilotStatus status, LocalDate statusSince, LocalDate nominatedOn, LocalDate implementationStart,
        Long designationId) {

    public static PilotRow of(Pilot p) {
        return new PilotRow(p.id, p.programId, p.batch, p.countyCode, p.countyName, p.prefectureName, p.status,
                p.statusSince, p.nominatedOn, p.implementationStart, p.designationId);
    }
}
