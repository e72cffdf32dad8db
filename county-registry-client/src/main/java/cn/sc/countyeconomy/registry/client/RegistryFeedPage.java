package cn.sc.countyeconomy.registry.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A slice of the registry's change feed ({@code GET /api/v1/changes?after=N&limit=L}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegistryFeedPage(List<Event> events, long lastSequence, boolean hasMore, long headSequence) {

    /** One event: the entity after the change. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Event(long sequence, Instant occurredAt, String entityType, String entityId, String action, LocalDate effectiveDate,
            JsonNode payload) {
    }
}
