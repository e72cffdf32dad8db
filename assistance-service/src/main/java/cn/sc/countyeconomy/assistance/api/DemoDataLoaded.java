package cn.sc.countyeconomy.assistance.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DemoDataLoaded", description = "What POST /api/v1/demo-data wrote, all labelled synthetic.")
public record DemoDataLoaded(int counties, int organisations, int pairings, int projects, int transactions, int trainingRecords,
        int cadreExchanges, int tasks) {
}
