package cn.sc.countyeconomy.assistance.api;

import cn.sc.countyeconomy.api.validation.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OrganisationUpdate")
public record OrganisationUpdate(@NotBlank @Text @Size(max = 200) String name, @Size(max = 200) String nameEn) {
}
