package cn.sc.countyeconomy.registry.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;

@Schema(name = "ChangeEvent", description = "One event of the change feed.")
@JsonPropertyOrder({"sequence", "occurredAt", "entityType", "entityId", "action", "effectiveDate", "payload"})
public record ChangeEventView(
        @Schema(description = "Gap-free, strictly increasing position in the feed.") long sequence,
        @Schema(description = "When the change was committed (UTC).") Instant occurredAt,
        @Schema(enumeration = {
                "COUNTY", "PREFECTURE", "DESIGNATION", "CATEGORY_ASSIGNMENT"}) String entityType,
        @Schema(description = "Code (county, prefecture) or id (designation, category assignment).") String entityId,
        @Schema(description = "CREATED, RETIRED, UPDATED, CORRECTED, ENDED.") String action,
        @Schema(description = "Day the change takes effect in the register (null where not dated).", nullable = true) LocalDate effectiveDate,
        @Schema(description = "The entity after the change, plus the division change's id and kind where one caused it.") JsonNode payload) {
}
