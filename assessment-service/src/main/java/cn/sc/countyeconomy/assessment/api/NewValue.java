package cn.sc.countyeconomy.assessment.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ValueInput", description = "One value to submit. value is a decimal number (at most 6 decimals); unit, when given, must be the indicator's unit.")
public record NewValue(String countyCode, String indicatorCode, String value, String unit, String source) {
}
