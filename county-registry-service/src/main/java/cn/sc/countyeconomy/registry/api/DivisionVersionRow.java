package cn.sc.countyeconomy.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "CountyVersionRow", description = "One version of a county-level division over [validFrom, validTo), retired ones included: "
        + "what a service keeping a local copy of the register loads before it follows the change feed.")
public record DivisionVersionRow(@Schema(example = "510522") String code, @Schema(example = "合江县") String name, String nameEn,
        @Schema(example = "COUNTY") String type,
        @Schema(example = "510500") String prefectureCode,
        @Schema(description = "The prefecture's name on validFrom (its current name for versions from before the prefecture's first recorded version).") String prefectureName,
        LocalDate validFrom,
        @Schema(nullable = true, description = "First day no longer valid; null while current.") LocalDate validTo,
        @Schema(description = "Whether a source dates validFrom; false: validFrom is the baseline 1949-10-01 (start unknown).") boolean validFromKnown,
        long version) {
}
