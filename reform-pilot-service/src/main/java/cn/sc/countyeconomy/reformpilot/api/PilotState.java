package cn.sc.countyeconomy.reformpilot.api;

import cn.sc.countyeconomy.reformpilot.Pilot;
import cn.sc.countyeconomy.reformpilot.PilotStatus;

import java.time.LocalDate;

/** What the audit trail keeps of a pilot: its own fields, not the history. */
public record PilotState(long id, long programId, int batch, String countyCode, String countyName, PilotStatus status,
        LocalDate statusSince, LocalDate nominatedOn, LocalDate implementationStart,
        Long designationId, long version) {

    public static PilotState of(Pilot p) {
        return new PilotState(p.id, p.programId, p.batch, p.countyCode, p.countyName, p.status, p.statusSince,
                p.nominatedOn, p.implementationStart, p.designationId, p.version);
    }
}
