package cn.sc.countyeconomy.registry.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

@Schema(name = "DivisionChangeRequest", description = "A change of the division register. Per kind: RENAME (1 code, 1 successor "
        + "with the same code and a new name); RECODE (1 code, 1 successor with a new code); UPGRADE (1 code, 1 successor of type "
        + "DISTRICT or COUNTY_LEVEL_CITY, usually a new code and name); TRANSFER (1 code, 1 successor under another prefecture, same or "
        + "new code); MERGE (2 or more distinct codes, 1 successor: a new code or one of them, which absorbs the others); SPLIT (1 code, "
        + "2 or more successors, possibly including the code itself); ABOLISH (1 or more codes, no successor). Successor fields left out "
        + "are taken from the (first) source code.")
public record NewDivisionChange(
        @NotBlank @Schema(enumeration = {
                "RENAME", "RECODE", "UPGRADE", "TRANSFER", "MERGE", "SPLIT", "ABOLISH"}, example = "UPGRADE") String kind,
        @NotNull @Schema(description = "Day the change takes effect; after the validFrom of every source's current version.", example = "2021-01-01") LocalDate effectiveDate,
        @NotEmpty @Size(max = 50) @Schema(description = "Codes of the county-level divisions the change takes as input.", example = "[\"513425\"]") List<@NotNull @Pattern(regexp = "[0-9]{6}", message = "must be 6 digits") String> fromCodes,
        @Valid @Size(max = 50) @Schema(description = "The divisions the change produces (empty for ABOLISH).") List<@NotNull @Valid DivisionChangeSuccessor> successors,
        @Size(max = 2000) @Schema(description = "What happened, in words.") String description,
        @NotBlank @Size(max = 2000) @Schema(description = "Source: the approval or announcement.", example = "民政部 approval 2021") String source,
        @Schema(description = "Whether the successors take over the designations of a retired code (and the new parts of a split those of the original) from the effective date (default true). A retired code's designations end on the effective date either way; those that would start later are deleted from it.") Boolean carryOverDesignations,
        @Schema(description = "Whether the successors take over the category assignments of a retired code for the years from the effective date's year on (default true; never earlier years, when the successors did not exist; a MERGE only where the retired codes agree; a successor keeps a year it already holds). A retired code's assignments of those years end on the effective date either way.") Boolean carryOverCategories) {
}
