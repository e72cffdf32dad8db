package cn.sc.countyeconomy.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "Province", description = "A province-level division as it was on asOf, with its prefecture and county counts then.")
public record ProvinceView(
        @Schema(example = "510000") String code, @Schema(example = "四川省") String name,
        @Schema(example = "Sichuan Province", nullable = true) String nameEn,
        @Schema(description = "First day of the version shown; the baseline 1949-10-01 when validFromKnown is false.") LocalDate validFrom,
        @Schema(nullable = true) LocalDate validTo,
        @Schema(description = "Whether a source dates validFrom.") boolean validFromKnown,
        @Schema(description = "Number of prefecture-level divisions under it on asOf.") int prefectureCount,
        @Schema(description = "Number of county-level divisions under it on asOf.") int countyCount,
        String source, @Schema(description = "Version.") long version) {
}
