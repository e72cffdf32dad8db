package cn.sc.countyeconomy.assistance.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@JsonPropertyOrder({"key", "name", "committed", "disbursed", "spent", "transactions"})
@Schema(name = "FundSummaryRow", description = "Sums in CNY of one group. key: county code, force code, organisation id, or YYYY / YYYY-Qn / YYYY-MM.")
public record FundSummaryRow(String key, String name, BigDecimal committed, BigDecimal disbursed, BigDecimal spent, long transactions) {
}
