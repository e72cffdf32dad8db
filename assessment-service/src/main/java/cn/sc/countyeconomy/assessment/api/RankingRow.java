package cn.sc.countyeconomy.assessment.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(name = "RankingRow")
@JsonPropertyOrder({"category", "rank", "countyCode", "countyName", "overall", "status", "rankChange", "award", "runId"})
public record RankingRow(String category, Integer rank, String countyCode, String countyName, BigDecimal overall,
        String status, Integer rankChange, String award, long runId) {
}
