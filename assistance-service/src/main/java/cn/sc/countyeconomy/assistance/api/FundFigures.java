package cn.sc.countyeconomy.assistance.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(name = "FundFigures", description = "Sums in CNY of the transactions dated in the year.")
public record FundFigures(String key, String name, BigDecimal committed, BigDecimal disbursed, BigDecimal spent) {
}
