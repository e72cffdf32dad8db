package cn.sc.countyeconomy.reformpilot.mapping;

import cn.sc.countyeconomy.reformpilot.Pilot;
import cn.sc.countyeconomy.reformpilot.PilotStatus;
import cn.sc.countyeconomy.reformpilot.PilotTransition;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

public final class PilotDtos {

    private PilotDtos() {
    }

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
            @Schema(description = "Id of the REFORM_PILOT designation in county-registry-service, recorded on approval.") Long designationId,
            @Schema(description = "The statuses this pilot may move to next.") List<PilotStatus> allowedTransitions,
            String source,
            long version,
            @Schema(description = "Every transition, oldest first; only when one pilot is read, absent in lists.")
            @JsonInclude(JsonInclude.Include.NON_NULL) List<TransitionView> history) {

        public static PilotView of(Pilot p, List<PilotTransition> history) {
            return new PilotView(p.id, p.programId, p.batch, p.countyCode, p.countyName, p.prefectureName, p.status,
                    p.statusSince, p.nominatedOn, p.implementationStart, p.designationId, List.copyOf(p.status.next()),
                    p.source, p.version, history == null ? null : history.stream().map(TransitionView::of).toList());
        }
    }

    /** What the audit trail keeps of a pilot: its own fields, not the history. */
    public record PilotState(long id, long programId, int batch, String countyCode, String countyName, PilotStatus status,
                             LocalDate statusSince, LocalDate nominatedOn, LocalDate implementationStart,
                             Long designationId, long version) {
        public static PilotState of(Pilot p) {
            return new PilotState(p.id, p.programId, p.batch, p.countyCode, p.countyName, p.status, p.statusSince,
                    p.nominatedOn, p.implementationStart, p.designationId, p.version);
        }
    }

    @Schema(name = "PilotTransition")
    public record TransitionView(long id, PilotStatus from, PilotStatus to, LocalDate date,
                                 @Schema(description = "Token subject of who made it ('seed' for seeded history).") String actor,
                                 String reason, Instant recordedAt, String source) {
        public static TransitionView of(PilotTransition t) {
            return new TransitionView(t.id, t.fromStatus, t.toStatus, t.date, t.actor, t.reason, t.recordedAt, t.source);
        }
    }

    @Schema(name = "Nomination", description = "Nominates a county for a programme and batch.")
    public record NominationRequest(
            @NotNull Long programId,
            @NotNull @Min(1) Integer batch,
            @NotBlank @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit county code") @Schema(example = "510522") String countyCode,
            @NotNull @Schema(description = "The county must be ACTIVE in county-registry-service on this date.") LocalDate nominatedOn,
            @NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(name = "TransitionRequest", description = "Moves a pilot to another status.")
    public record TransitionRequest(
            @NotNull PilotStatus to,
            @NotNull @Schema(description = "When the decision took effect; not before the current status' date, not after today.") LocalDate date,
            @NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(name = "LifecycleStep", description = "One row of the lifecycle table.")
    public record LifecycleStep(PilotStatus from, List<PilotStatus> allowed, boolean isFinal,
                                @Schema(description = "Roles of which the caller needs one to move a pilot INTO this status.") List<String> rolesToEnter) {
    }

    @Schema(name = "CountyPilot")
    public record CountyPilot(long id, long programId, String programName, int batch, PilotStatus status,
                              @Schema(description = "Title of the leading reform task; null while none is recorded.") String leadingTask,
                              @Schema(description = "Date of the transition into the current status.") LocalDate since) {
    }
}
