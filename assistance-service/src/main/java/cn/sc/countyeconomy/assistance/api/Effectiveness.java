package cn.sc.countyeconomy.assistance.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

@Schema(name = "Effectiveness", description = "The unified effectiveness score, read by assessment-service. NOT_APPLICABLE (no score, no "
        + "components, with the reason) for a county that county-registry-service did not designate underdeveloped on any day of the year: "
        + "a county that was not assisted has no assistance to score.")
public record Effectiveness(String countyCode, int year,
        @Schema(description = "AVAILABLE (scored) or NOT_APPLICABLE (not designated in the year)", enumeration = {
                "AVAILABLE", "NOT_APPLICABLE"}) String status,
        @Schema(description = "Why the answer is NOT_APPLICABLE, or what limits an AVAILABLE one (registry unreachable); null otherwise") String reason,
        @Schema(description = "0 to 100, two decimals; null when NOT_APPLICABLE") BigDecimal score,
        List<EffectivenessComponent> components, String method) {

    public static final String AVAILABLE = "AVAILABLE";
    public static final String NOT_APPLICABLE = "NOT_APPLICABLE";
}
