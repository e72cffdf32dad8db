package cn.sc.countyeconomy.assistance.api;

import cn.sc.countyeconomy.assistance.ResultIndicator;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

@Schema(name = "ResultIndicator", description = "A result indicator with its baseline and target/actual per period.")
public record IndicatorView(long id, long projectId, String title, String unit, int baselineYear, BigDecimal baselineValue,
        List<PeriodView> periods, long version) {

    public static IndicatorView of(ResultIndicator i) {
        return new IndicatorView(i.id, i.projectId, i.title, i.unit, i.baselineYear, i.baselineValue,
                i.periods.stream().map(p -> new PeriodView(p.periodStart, p.periodEnd, p.targetValue, p.actualValue)).toList(),
                i.version);
    }
}
