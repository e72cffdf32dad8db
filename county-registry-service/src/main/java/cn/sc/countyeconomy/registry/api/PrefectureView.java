package cn.sc.countyeconomy.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

@Schema(name = "Prefecture", description = "A prefecture-level division as it was on asOf.")
public record PrefectureView(
        @Schema(example = "510500") String code, @Schema(example = "泸州市") String name, @Schema(example = "Luzhou City") String nameEn,
        @Schema(description = "PREFECTURE_CITY, AUTONOMOUS_PREFECTURE, or outside Sichuan LEAGUE, REGION, MUNICIPAL_DISTRICTS, PROVINCE_ADMINISTERED.") String type,
        @Schema(example = "510000") String provinceCode, @Schema(example = "四川省") String provinceName,
        @Schema(nullable = true) String regionCode, @Schema(nullable = true) String regionName,
        LocalDate validFrom, @Schema(nullable = true) LocalDate validTo,
        @Schema(description = "Number of county-level divisions under it on asOf.") int countyCount,
        @Schema(description = "Its county-level divisions on asOf (only on the single read).", nullable = true) List<CountyRef> counties,
        String source, @Schema(description = "Version; also the ETag.") long version) {
}
