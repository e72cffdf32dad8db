package cn.sc.countyeconomy.api.outbox;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What one run of the relay did. */
@Schema(name = "RelayRun", description = "What one run of the outbox relay did.")
public record RelayRun(
        @Schema(description = "Messages sent and answered (now DONE).") int sent,
        @Schema(description = "Messages the other side refused (now FAILED, with its answer).") int refused,
        @Schema(description = "Messages that met a fault (unreachable, 5xx, timeout); still PENDING, retried after a backoff.") int retrying) {

    RelayRun plus(RelayRun other) {
        return new RelayRun(sent + other.sent, refused + other.refused, retrying + other.retrying);
    }

    static RelayRun sentOne() {
        return new RelayRun(1, 0, 0);
    }

    static RelayRun refusedOne() {
        return new RelayRun(0, 1, 0);
    }

    static RelayRun retryingOne() {
        return new RelayRun(0, 0, 1);
    }

    boolean isEmpty() {
        return sent == 0 && refused == 0 && retrying == 0;
    }
}
