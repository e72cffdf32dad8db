package cn.sc.countyeconomy.assistance.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SoeWithoutAgreement")
public record SoeWithoutAgreement(long organisationId, String name, String kind) {
}
