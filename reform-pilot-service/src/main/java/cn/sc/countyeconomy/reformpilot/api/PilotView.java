package cn.sc.countyeconomy.reformpilot.api;

import cn.sc.countyeconomy.reformpilot.Pilot;
import cn.sc.countyeconomy.reformpilot.PilotStatus;
import cn.sc.countyeconomy.reformpilot.PilotTransition;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

@Schema(name = "Pilot", description = "A county piloting a programme, with its lifecycle history.")
public record PilotView(
        long id,
        long programId,
        int batch,
        @Schema(example = "510522") String countyCode,
        @Schema(example = "合江县") String countyName,
        @Schema(example = "泸州市") String prefectureName,
        PilotStatus status,
        @Schema(description = "Date of the transition into the current status.") LocalDate statusSince,
        LocalDate nominatedOn,
        @Schema(description = "Date of the first transition into IMPLEMENTING; the projections count the pace from it.") LocalDate implementationStart,
        @Schema(description = "Id of the REFORM_PILOT designation in county-registry-service, known once the registry has recorded it "
                + "(registrySync SYNCED).", nullable = true) Long designationId,
        @Schema(description = "The designation and whether the registry has it yet.") RegistrySync registrySync,
        @Schema(description = "The statuses this pilot may move to next.") List<PilotStatus> allowedTransitions,
        String source,
        long version,
        @Schema(description = "Every transition, oldest first; only when one pilot is read, absent in lists.") @JsonInclude(JsonInclude.Include.NON_NULL) List<TransitionView> history) {

    public static PilotView of(Pilot p, List<PilotTransition> history) {
        return new PilotView(p.id, p.programId, p.batch, p.countyCode, p.countyName, p.prefectureName, p.status,
                p.statusSince, p.nominatedOn, p.implementationStart, p.designationId, RegistrySync.of(p), List.copyOf(p.status.next()),
                p.source, p.version, history == null ? null : history.stream().map(TransitionView::of).toList());
    }
}
