package cn.sc.countyeconomy.assessment.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ExternalPart", description = "A part of the scorecard from another service: status AVAILABLE (data holds its answer), NONE (it has nothing for the county) or UNAVAILABLE (it could not be reached).")
public record ExternalPart(String source, String status, JsonNode data) {
}
