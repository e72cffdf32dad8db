package cn.sc.countyeconomy.assistance.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(name = "EffectivenessComponent")
public record EffectivenessComponent(String code, String name, BigDecimal value, BigDecimal target, BigDecimal weight, BigDecimal contribution) {
}
