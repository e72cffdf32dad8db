package cn.sc.countyeconomy.assistance.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@JsonPropertyOrder({"rowKey", "rowName", "columnKey", "columnName", "committed", "disbursed", "spent", "transactions"})
@Schema(name = "FundMatrixRow", description = "Sums in CNY of the transactions of one (row, column) pair of groups. Keys: county code, "
        + "prefecture code, force code, provider organisation (its id, or the provider's name when the transaction names no recorded "
        + "organisation), YYYY, YYYY-Qn, term or sector.")
public record FundMatrixRow(String rowKey, String rowName, String columnKey, String columnName, BigDecimal committed, BigDecimal disbursed,
        BigDecimal spent, long transactions) {
}
