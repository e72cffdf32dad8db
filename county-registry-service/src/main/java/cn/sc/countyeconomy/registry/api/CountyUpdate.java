package cn.sc.countyeconomy.registry.api;

import cn.sc.countyeconomy.api.validation.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A correction of a county's recorded attributes. */
@Schema(name = "CountyCorrection", description = "Fields left out keep their value.")
public record CountyUpdate(@Text @Size(min = 1, max = 100) @Schema(example = "合江县") String name,
        @Text @Size(min = 1, max = 200) @Schema(example = "Hejiang County") String nameEn,
        @Schema(example = "COUNTY") String type,
        @Text @Size(min = 1, max = 2000) String source,
        @NotBlank @Size(max = 2000) @Schema(description = "Why (goes to the audit trail).") String reason) {
}
