package cn.sc.countyeconomy.assessment.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "IndicatorComparison", description = "A normalised indicator value against the category's median (same normalisation).")
public record IndicatorComparison(String indicator, String name, Double raw, Double normalised,
        Double categoryMedian, Double difference) {
}
