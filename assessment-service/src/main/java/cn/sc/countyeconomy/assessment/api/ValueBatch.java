package cn.sc.countyeconomy.assessment.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "ValueBatch")
public record ValueBatch(List<NewValue> values) {
}
