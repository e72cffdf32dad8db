package cn.sc.countyeconomy.assistance.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "CountyMissingForces")
public record CountyMissingForces(String countyCode, String countyName, List<String> missingForces) {
}
