package cn.sc.countyeconomy.reformpilot.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "CountyPilots", description = "Everything a county pilots; read by assessment-service.")
public record CountyPilotsView(String countyCode, List<CountyPilotView> pilots) {
}
