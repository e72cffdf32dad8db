package cn.sc.countyeconomy.assistance.api;

import cn.sc.countyeconomy.assistance.AssistanceProject;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProjectPartnerInput")
public record PartnerInput(@NotNull Long organisationId, @NotNull AssistanceProject.PartnerRole role) {
}
