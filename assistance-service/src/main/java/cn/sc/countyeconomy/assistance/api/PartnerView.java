package cn.sc.countyeconomy.assistance.api;

import cn.sc.countyeconomy.assistance.AssistanceProject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProjectPartner")
public record PartnerView(long organisationId, AssistanceProject.PartnerRole role) {
}
