package cn.sc.countyeconomy.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DivisionChangeEffect", description = "One effect of a change, as it went to the change feed.")
public record DivisionChangeEffect(String entityType, String entityId, String action, long sequence) {
}
