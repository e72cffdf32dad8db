package cn.sc.countyeconomy.reformpilot.api;

import cn.sc.countyeconomy.reformpilot.PilotStatus;
import cn.sc.countyeconomy.reformpilot.PilotTransition;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;

@Schema(name = "PilotTransition")
public record TransitionView(long id, PilotStatus from, PilotStatus to, LocalDate date,
        @Schema(description = "Token subject of who made it ('seed' for seeded history).") String actor,
        String reason, Instant recordedAt, String source) {

    public static TransitionView of(PilotTransition t) {
        return new TransitionView(t.id, t.fromStatus, t.toStatus, t.date, t.actor, t.reason, t.recordedAt, t.source);
    }
}
