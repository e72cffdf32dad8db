package cn.sc.countyeconomy.registry.api;

import cn.sc.countyeconomy.registry.DivisionChange;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

@Schema(name = "DivisionChange", description = "A division change with its effects.")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DivisionChangeView(long id, String kind, LocalDate effectiveDate, List<String> fromCodes, List<String> toCodes,
        String description, String source, @Schema(description = "When it was recorded (UTC, ISO-8601).") String recordedAt,
        @Schema(description = "Effects (present on the answer of the POST only).", nullable = true) List<DivisionChangeEffect> effects,
        long version) {

    public static DivisionChangeView of(DivisionChange c, List<DivisionChangeEffect> effects) {
        return new DivisionChangeView(c.id, c.kind, c.effectiveDate, c.from(), c.to(), c.description, c.source,
                c.recordedAt == null ? null : c.recordedAt.toString(), effects, c.version);
    }
}
