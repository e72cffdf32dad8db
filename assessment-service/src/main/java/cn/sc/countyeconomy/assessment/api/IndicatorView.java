package cn.sc.countyeconomy.assessment.api;

import cn.sc.countyeconomy.assessment.Indicator;
import cn.sc.countyeconomy.assessment.IndicatorTerms;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(name = "Indicator")
public record IndicatorView(String code, String name, String nameEn, String unit, String area, String direction,
        String description, String source, BigDecimal minValue, BigDecimal maxValue,
        boolean required, BigDecimal yoyThresholdPercent,
        @Schema(description = "A count: values must be whole numbers") boolean integerValued,
        @Schema(description = "The indicator's version (ETag), moved on by a change to any year's definition") long version,
        @Schema(description = "The first year this definition applies to (until the next definition's first year); 2000 = from the start") int fromYear) {

    /** The latest definition. */
    public static IndicatorView of(Indicator e) {
        return of(e, e.version);
    }

    /** A definition, with the indicator's version. */
    public static IndicatorView of(IndicatorTerms d, long version) {
        return new IndicatorView(d.code, d.nameZh, d.nameEn, d.unit, d.areaCode, d.direction, d.description, d.source,
                d.minValue, d.maxValue, d.required, d.yoyThresholdPercent, d.integerValued, version, d.fromYear());
    }
}
