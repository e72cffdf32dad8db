package cn.sc.countyeconomy.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "Region", description = "An economic region: a group of prefectures of one province.")
public record RegionView(@Schema(example = "SOUTH_SICHUAN") String code, @Schema(example = "川南经济区") String name, String nameEn,
        @Schema(example = "510000") String provinceCode, List<CodeName> prefectures, int countyCount, String source) {
}
