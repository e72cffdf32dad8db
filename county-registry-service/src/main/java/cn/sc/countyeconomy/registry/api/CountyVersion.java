package cn.sc.countyeconomy.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "CountyVersion", description = "One version of a division: its attributes over [validFrom, validTo).")
public record CountyVersion(LocalDate validFrom, LocalDate validTo,
        @Schema(description = "Whether a source dates validFrom; false: validFrom is the baseline 1949-10-01 (start unknown).") boolean validFromKnown,
        @Schema(description = "The source that dates validFrom; null when unknown.", nullable = true) String validFromSource,
        @Schema(description = "First day a source records this version.") LocalDate recordedSince, String name, String nameEn, String type,
        String prefectureCode,
        String prefectureName, String source, long version) {
}
