package cn.sc.countyeconomy.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "ChangeFeedPage", description = "A slice of the change feed.")
public record ChangeFeedPage(List<ChangeEventView> events,
        @Schema(description = "Sequence of the last event returned, or `after` when none was; pass it as the next `after`.") long lastSequence,
        @Schema(description = "Whether more events follow.") boolean hasMore) {
}
