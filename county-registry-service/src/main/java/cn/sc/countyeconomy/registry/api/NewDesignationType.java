package cn.sc.countyeconomy.registry.api;

import cn.sc.countyeconomy.api.validation.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewDesignationType")
public record NewDesignationType(
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{2,63}", message = "must be upper case letters, digits and _, 3 to 64 long") @Schema(example = "URBAN_RURAL_INTEGRATION_PILOT") String code,
        @NotBlank @Text @Size(max = 200) @Schema(example = "城乡融合发展改革试点") String name,
        @NotBlank @Size(max = 200) @Schema(example = "Urban-rural integration reform pilot") String nameEn,
        @Size(max = 2000) String description) {
}
