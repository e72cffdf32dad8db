package cn.sc.countyeconomy.assistance.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CountyBelowTraining")
public record CountyBelowTraining(String countyCode, String countyName, long trained, int target) {
}
