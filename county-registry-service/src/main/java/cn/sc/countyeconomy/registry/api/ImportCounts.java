package cn.sc.countyeconomy.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ImportCounts")
public record ImportCounts(int created, int unchanged) {
}
