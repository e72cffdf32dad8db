package cn.sc.countyeconomy.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "ChangeFeedPage", description = "A slice of the change feed.")
public record ChangeFeedPage(List<ChangeEventView> events,
        @Schema(description = "Sequence of the last event returned, or `after` when none was; pass it as the next `after`.") long lastSequence,
        @Schema(description = "Whether more events follow.") boolean hasMore,
        @Schema(description = "The newest sequence the registry has committed when the page was read (0: none yet). A consumer whose "
                + "stored cursor is above it holds a position this registry never gave out (e.g. the registry's database was restored "
                + "from an older backup) and must load the lists again; a consumer doing a full load reads it first (`after=0&limit=1`) "
                + "and follows the feed from it once the lists are loaded.") long headSequence) {
}
