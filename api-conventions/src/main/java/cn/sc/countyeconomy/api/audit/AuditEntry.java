package cn.sc.countyeconomy.api.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "AuditEntry", description = "One successful write: who, when, what, and the fields it changed.")
public record AuditEntry(
        long id,
        @Schema(description = "UTC timestamp of the write.") Instant occurredAt,
        @Schema(description = "Token subject of the writer.") String actor,
        @Schema(description = "Roles the writer held, comma-separated.") String actorRoles,
        String requestId,
        @Schema(example = "County") String resourceType,
        String resourceId,
        @Schema(example = "UPDATE") String action,
        @Schema(implementation = Object.class, description = "The changed fields before the write (null for a create).") JsonNode before,
        @Schema(implementation = Object.class, description = "The changed fields after the write (null for a delete).") JsonNode after,
        String reason) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static AuditEntry of(AuditRecord r) {
        return new AuditEntry(r.id, r.occurredAt, r.actor, r.actorRoles, r.requestId, r.resourceType,
                r.resourceId, r.action, tree(r.before), tree(r.after), r.reason);
    }

    private static JsonNode tree(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit record holds invalid JSON", e);
        }
    }
}
