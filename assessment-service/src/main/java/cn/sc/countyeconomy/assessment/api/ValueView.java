package cn.sc.countyeconomy.assessment.api;

import cn.sc.countyeconomy.assessment.IndicatorValue;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(name = "IndicatorValue")
@JsonPropertyOrder({"countyCode", "year", "indicatorCode", "value", "synthetic", "source", "flag"})
public record ValueView(String countyCode, int year, String indicatorCode, BigDecimal value, boolean synthetic,
        String source, String flag) {

    public static ValueView of(IndicatorValue v) {
        return new ValueView(v.countyCode, v.year, v.indicatorCode, v.value, v.synthetic, v.source, v.flag);
    }
}
