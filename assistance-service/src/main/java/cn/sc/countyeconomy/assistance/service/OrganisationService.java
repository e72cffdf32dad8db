package cn.sc.countyeconomy.assistance.service;

import cn.sc.countyeconomy.api.audit.AuditTrail;
import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.PageResult;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.query.Filter;
import cn.sc.countyeconomy.assistance.AssistanceForce;
import cn.sc.countyeconomy.assistance.AssistingOrganisation;
import cn.sc.countyeconomy.assistance.OrganisationKind;
import cn.sc.countyeconomy.assistance.api.NewOrganisation;
import cn.sc.countyeconomy.assistance.api.OrganisationUpdate;
import cn.sc.countyeconomy.assistance.api.OrganisationView;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Assisting organisations: the force follows from the kind. */
@ApplicationScoped
public class OrganisationService {

    public static final String RESOURCE = "AssistingOrganisation";

    @Inject
    AuditTrail audit;
    @Inject
    EntityManager em;

    public PageResult<OrganisationView> list(OrganisationKind kind, String forceCode, Sort sort, PageParams page) {
        Filter f = Filter.where().eq("kind", kind).eq("forceCode", forceCode);
        return PageResult.of(f.find(AssistingOrganisation.class, sort), page, OrganisationView::of);
    }

    public OrganisationView get(long id) {
        return OrganisationView.of(find(id));
    }

    private static AssistingOrganisation find(long id) {
        return AssistingOrganisation.<AssistingOrganisation>findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound(RESOURCE, id));
    }

    @Transactional
    public OrganisationView create(NewOrganisation cmd) {
        String force = cmd.kind().forceCode();
        if (cmd.forceCode() != null && !cmd.forceCode().equals(force)) {
            if (AssistanceForce.findById(cmd.forceCode()) == null) {
                throw ApiException.validation("forceCode", "no assistance force '" + cmd.forceCode() + "'");
            }
            throw ApiException.rule("organisation-kind-force-mismatch", "An organisation of kind " + cmd.kind()
                    + " belongs to force " + force + ", not " + cmd.forceCode());
        }
        String name = cmd.name().strip();
        if (AssistingOrganisation.count("name", name) > 0) {
            throw ApiException.conflict("An assisting organisation named '" + name + "' exists already");
        }
        AssistingOrganisation o = new AssistingOrganisation();
        o.name = name;
        o.nameEn = cmd.nameEn();
        o.kind = cmd.kind();
        o.forceCode = force;
        o.persist();
        em.flush();
        OrganisationView v = OrganisationView.of(o);
        audit.record(RESOURCE, o.id, "CREATE", null, v);
        return v;
    }

    @Transactional
    public OrganisationView update(long id, String ifMatch, OrganisationUpdate cmd) {
        AssistingOrganisation o = find(id);
        Preconditions.requireMatch(ifMatch, o.version);
        OrganisationView before = OrganisationView.of(o);
        String name = cmd.name().strip();
        if (!name.equals(o.name) && AssistingOrganisation.count("name = ?1 and id <> ?2", name, id) > 0) {
            throw ApiException.conflict("An assisting organisation named '" + name + "' exists already");
        }
        o.name = name;
        o.nameEn = cmd.nameEn();
        // flush here so a concurrent writer's version bump surfaces as 412 now, not at commit
        em.flush();
        OrganisationView after = OrganisationView.of(o);
        audit.record(RESOURCE, o.id, "UPDATE", before, after);
        return after;
    }
}
