package cn.sc.countyeconomy.assistance.api;

import cn.sc.countyeconomy.assistance.AssistanceProject;
import cn.sc.countyeconomy.assistance.ProjectSector;
import cn.sc.countyeconomy.assistance.ProjectStatus;
import cn.sc.countyeconomy.assistance.ProjectTerm;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

@Schema(name = "Project", description = "An assistance project in a county (an IATI activity).")
public record ProjectView(long id, String countyCode, String forceCode, long leadOrganisationId, List<PartnerView> partners,
        String title, String description, ProjectSector sector, ProjectTerm term, boolean keyProject,
        LocalDate plannedStart, LocalDate plannedEnd, LocalDate actualStart, LocalDate actualEnd,
        ProjectStatus status, BigDecimal budget, boolean synthetic, long version) {

    public static ProjectView of(AssistanceProject p) {
        List<PartnerView> partners = p.partners.stream()
                .map(x -> new PartnerView(x.organisationId, x.role))
                .sorted(Comparator.comparing(PartnerView::organisationId).thenComparing(PartnerView::role))
                .toList();
        return new ProjectView(p.id, p.countyCode, p.forceCode, p.leadOrganisationId, partners, p.title, p.description,
                p.sector, p.term, p.keyProject, p.plannedStart, p.plannedEnd, p.actualStart, p.actualEnd, p.status,
                p.budget, p.synthetic, p.version);
    }
}
