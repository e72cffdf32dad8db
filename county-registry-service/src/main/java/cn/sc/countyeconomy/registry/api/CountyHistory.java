package cn.sc.countyeconomy.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "CountyHistory", description = "Every version of a code and every change that touched it, oldest first.")
public record CountyHistory(String code, List<CountyVersion> versions, List<ChangeSummary> changes) {
}
