package cn.sc.countyeconomy.assessment.api;

import cn.sc.countyeconomy.assessment.Indicator;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(name = "Indicator")
public record IndicatorView(String code, String name, String nameEn, String unit, String area, String direction,
        String description, String source, BigDecimal minValue, BigDecimal maxValue,
        boolean required, BigDecimal yoyThresholdPercent,
        @Schema(description = "A count: values must be whole numbers") boolean integerValued, long version) {

    public static IndicatorView of(Indicator e) {
        return new IndicatorView(e.code, e.nameZh, e.nameEn, e.unit, e.areaCode, e.direction, e.description, e.source,
                e.minValue, e.maxValue, e.required, e.yoyThresholdPercent, e.integerValued, e.version);
    }
}
