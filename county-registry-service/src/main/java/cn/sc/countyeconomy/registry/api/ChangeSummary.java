package cn.sc.countyeconomy.registry.api;

import cn.sc.countyeconomy.registry.DivisionChange;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

@Schema(name = "ChangeSummary", description = "A division change in brief.")
public record ChangeSummary(
        @Schema(description = "Id of the division change.") long id,
        @Schema(description = "RENAME, RECODE, UPGRADE, TRANSFER, MERGE, SPLIT or ABOLISH.") String kind,
        @Schema(description = "Day the change took effect.") LocalDate effectiveDate,
        @Schema(description = "Codes the change took as input.") List<String> fromCodes,
        @Schema(description = "Codes the change produced.") List<String> toCodes,
        @Schema(description = "What happened, in words.") String description,
        @Schema(description = "Source of the change (announcement, file).") String source) {

    public static ChangeSummary of(DivisionChange c) {
        return new ChangeSummary(c.id, c.kind, c.effectiveDate, c.from(), c.to(), c.description, c.source);
    }
}
