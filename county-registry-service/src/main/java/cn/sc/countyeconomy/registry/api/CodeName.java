package cn.sc.countyeconomy.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CodeName", description = "A division named by code and name.")
public record CodeName(@Schema(example = "513402") String code, @Schema(example = "会理市") String name) {
}
