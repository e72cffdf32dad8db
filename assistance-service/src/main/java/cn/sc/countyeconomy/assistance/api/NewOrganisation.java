package cn.sc.countyeconomy.assistance.api;

import cn.sc.countyeconomy.api.validation.Text;
import cn.sc.countyeconomy.assistance.OrganisationKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewOrganisation", description = "forceCode may be omitted: it follows from kind (and must match it when given).")
public record NewOrganisation(@NotBlank @Text @Size(max = 200) String name, @Size(max = 200) String nameEn,
        @NotNull OrganisationKind kind, String forceCode) {
}
