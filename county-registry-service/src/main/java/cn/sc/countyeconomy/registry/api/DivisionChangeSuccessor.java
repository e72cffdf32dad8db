package cn.sc.countyeconomy.registry.api;

import cn.sc.countyeconomy.api.validation.Text;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DivisionChangeSuccessor")
public record DivisionChangeSuccessor(
        @Pattern(regexp = "[0-9]{6}", message = "must be 6 digits") @Schema(example = "513402") String code,
        @Text @Size(min = 1, max = 100) @Schema(example = "会理市") String name,
        @Size(max = 200) @Schema(description = "English name; generated from the Chinese name when left out.") String nameEn,
        @Schema(example = "COUNTY_LEVEL_CITY") String type,
        @Pattern(regexp = "[0-9]{6}", message = "must be 6 digits") @Schema(example = "513400") String prefectureCode) {
}
