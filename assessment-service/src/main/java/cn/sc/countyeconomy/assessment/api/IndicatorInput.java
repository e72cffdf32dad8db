package cn.sc.countyeconomy.assessment.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** An indicator as sent, to add it to the catalogue or to change it. */
public record IndicatorInput(String code, String name, String nameEn, String unit, String area, String direction,
        String description, String source, BigDecimal minValue, BigDecimal maxValue,
        Boolean required, BigDecimal yoyThresholdPercent,
        @Schema(description = "A count (cases, persons): values must be whole numbers; default false", example = "false") Boolean integerValued) {
}
