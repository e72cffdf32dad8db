package cn.sc.countyeconomy.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CategoryRef", description = "An assessment category for a year.")
public record CategoryRef(@Schema(example = "2018") int year, @Schema(example = "MAIN_FARM_PRODUCE") String code,
        @Schema(example = "农产品主产区县") String name) {
}
