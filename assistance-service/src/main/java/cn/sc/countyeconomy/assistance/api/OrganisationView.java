package cn.sc.countyeconomy.assistance.api;

import cn.sc.countyeconomy.assistance.AssistingOrganisation;
import cn.sc.countyeconomy.assistance.OrganisationKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Organisation", description = "An assisting organisation and the force it belongs to.")
public record OrganisationView(long id, String name, String nameEn, OrganisationKind kind, String forceCode,
        @Schema(description = "True for demo data made by POST /api/v1/demo-data.") boolean synthetic,
        long version) {

    public static OrganisationView of(AssistingOrganisation o) {
        return new OrganisationView(o.id, o.name, o.nameEn, o.kind, o.forceCode, o.synthetic, o.version);
    }
}
