package cn.sc.countyeconomy.assessment.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What loading demo data wrote for one year. */
@Schema(name = "Loaded")
public record DemoDataLoaded(int year, int counties, int values, boolean approved) {
}
