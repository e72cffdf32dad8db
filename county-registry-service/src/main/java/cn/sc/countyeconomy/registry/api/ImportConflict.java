package cn.sc.countyeconomy.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ImportConflict", description = "A row that contradicts the register.")
public record ImportConflict(int line, String code, String message) {
}
