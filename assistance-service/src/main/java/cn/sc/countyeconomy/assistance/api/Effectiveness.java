package cn.sc.countyeconomy.assistance.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

@Schema(name = "Effectiveness", description = "The unified effectiveness score, read by assessment-service.")
public record Effectiveness(String countyCode, int year,
        @Schema(description = "0 to 100, two decimals") BigDecimal score,
        List<EffectivenessComponent> components, String method) {
}
