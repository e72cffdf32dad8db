package cn.sc.countyeconomy.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DemoCategoriesResult")
public record DemoCategoriesResult(int year, int assigned, int alreadyAssigned) {
}
