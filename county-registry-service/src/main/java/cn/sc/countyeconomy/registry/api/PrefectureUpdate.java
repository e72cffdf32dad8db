package cn.sc.countyeconomy.registry.api;

import cn.sc.countyeconomy.api.validation.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A correction of a prefecture's recorded attributes. */
@Schema(name = "PrefectureCorrection", description = "Fields left out keep their value.")
public record PrefectureUpdate(@Text @Size(min = 1, max = 100) String name, @Text @Size(min = 1, max = 200) String nameEn,
        @Schema(description = "Economic region code; empty string clears it.") String regionCode,
        @NotBlank @Size(max = 2000) String reason) {
}
