package cn.sc.countyeconomy.assistance.service;

import cn.sc.countyeconomy.api.audit.AuditTrail;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.security.CountyScope;
import cn.sc.countyeconomy.assistance.AssistingOrganisation;
import cn.sc.countyeconomy.assistance.Pairing;
import cn.sc.countyeconomy.assistance.client.UnderdevelopedCounties;
import cn.sc.countyeconomy.assistance.mapping.Commands.NewPairing;
import cn.sc.countyeconomy.assistance.mapping.Views.PairingView;
import cn.sc.countyeconomy.registry.client.RegistryDesignation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;

/**
 * Pairings of organisations with counties. A county can be assisted only while county-registry-service
 * designates it underdeveloped: the registry is asked on every create, before anything is written,
 * and when it cannot answer the create fails with 503 and Retry-After.
 */
@ApplicationScoped
public class PairingService {

    public static final String RESOURCE = "Pairing";

    @Inject
    AuditTrail audit;
    @Inject
    CountyScope scope;
    @Inject
    UnderdevelopedCounties eligibility;
    @Inject
    EntityManager em;

    public Pairing get(long id) {
        return Pairing.<Pairing>findByIdOptional(id).orElseThrow(() -> ApiException.notFound(RESOURCE, id));
    }

    /**
     * Asks the registry whether the county may be assisted from the pairing's start. Called before the
     * write's transaction opens, so that no database connection is held while the registry is waited for.
     * 403 for a county-scoped caller first: the registry is not asked on behalf of someone who may not write.
     */
    public RegistryDesignation checkEligibility(NewPairing cmd) {
        scope.requireWrite(cmd.countyCode());
        return eligibility.requireDesignated(cmd.countyCode(), cmd.validFrom());
    }

    @Transactional
    public PairingView create(NewPairing cmd, RegistryDesignation designation) {
        if (designation == null || !cmd.countyCode().equals(designation.countyCode()) || !designation.validOn(cmd.validFrom())) {
            throw new IllegalArgumentException("the designation does not cover this pairing");
        }
        scope.requireWrite(cmd.countyCode());
        AssistingOrganisation org = Lookups.organisation(cmd.organisationId(), "organisationId");
        if (cmd.validTo() != null && cmd.validTo().isBefore(cmd.validFrom())) {
            throw ApiException.validation("validTo", "must be on or after validFrom (" + cmd.validFrom() + ")");
        }
        LocalDate farFuture = LocalDate.of(9999, 12, 31);
        long overlapping = Pairing.count("organisationId = ?1 and countyCode = ?2 and validFrom <= ?3 "
                        + "and (validTo is null or validTo >= ?4)",
                org.id, cmd.countyCode(), cmd.validTo() == null ? farFuture : cmd.validTo(), cmd.validFrom());
        if (overlapping > 0) {
            throw ApiException.conflict("Organisation " + org.id + " is already paired with county " + cmd.countyCode()
                    + " for part of this period");
        }
        Pairing p = new Pairing();
        p.organisationId = org.id;
        p.countyCode = cmd.countyCode();
        p.countyName = designation.countyName();
        p.forceCode = org.forceCode;
        p.validFrom = cmd.validFrom();
        p.validTo = cmd.validTo();
        p.persist();
        em.flush();
        PairingView v = PairingView.of(p);
        audit.record(RESOURCE, p.id, "CREATE", null, v);
        return v;
    }

    /** Sets the pairing's end; no registry call: ending assistance needs no eligibility. */
    @Transactional
    public PairingView end(long id, String ifMatch, cn.sc.countyeconomy.assistance.mapping.Commands.PairingEnd cmd) {
        Pairing p = get(id);
        scope.requireWrite(p.countyCode);
        cn.sc.countyeconomy.api.concurrency.Preconditions.requireMatch(ifMatch, p.version);
        if (cmd.validTo() != null && cmd.validTo().isBefore(p.validFrom)) {
            throw ApiException.validation("validTo", "must be on or after validFrom (" + p.validFrom + ")");
        }
        if (cmd.validTo() == null || (p.validTo != null && cmd.validTo().isAfter(p.validTo))) {
            LocalDate newEnd = cmd.validTo() == null ? LocalDate.of(9999, 12, 31) : cmd.validTo();
            long overlapping = Pairing.count("id <> ?1 and organisationId = ?2 and countyCode = ?3 and validFrom <= ?4 "
                    + "and (validTo is null or validTo >= ?5)", p.id, p.organisationId, p.countyCode, newEnd, p.validFrom);
            if (overlapping > 0) {
                throw ApiException.conflict("Extending pairing " + id + " would overlap another pairing of the same organisation and county");
            }
        }
        PairingView before = PairingView.of(p);
        p.validTo = cmd.validTo();
        em.flush();
        PairingView after = PairingView.of(p);
        audit.record(RESOURCE, p.id, "UPDATE", before, after);
        return after;
    }
}
