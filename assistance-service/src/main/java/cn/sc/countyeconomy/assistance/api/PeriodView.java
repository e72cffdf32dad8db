package cn.sc.countyeconomy.assistance.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

@Schema(name = "ResultPeriod")
public record PeriodView(LocalDate periodStart, LocalDate periodEnd, BigDecimal target, BigDecimal actual) {
}
