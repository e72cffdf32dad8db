package cn.sc.countyeconomy.assistance.service;

import cn.sc.countyeconomy.api.audit.AuditTrail;
import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.PageResult;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.query.Filter;
import cn.sc.countyeconomy.assistance.AssistingOrganisation;
import cn.sc.countyeconomy.assistance.Pairing;
import cn.sc.countyeconomy.assistance.api.NewPairing;
import cn.sc.countyeconomy.assistance.api.PairingEnd;
import cn.sc.countyeconomy.assistance.api.PairingView;
import cn.sc.countyeconomy.assistance.client.UnderdevelopedCounties;
import cn.sc.countyeconomy.assistance.client.UnderdevelopedCounties.DesignatedPeriod;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;

/**
 * Pairings of organisations with counties. A county can be assisted only while county-registry-service
 * designates it underdeveloped, on every day of the pairing: the registry is asked on every create and
 * every lengthening, before anything is written, and when it cannot answer the write fails with 503 and
 * Retry-After.
 */
@ApplicationScoped
public class PairingService {

    public static final String RESOURCE = "Pairing";

    @Inject
    AuditTrail audit;
    @Inject
    UnderdevelopedCounties eligibility;
    @Inject
    EntityManager em;

    public PageResult<PairingView> list(String countyCode, Long organisationId, String forceCode, Sort sort, PageParams page) {
        Filter f = Filter.where().eq("countyCode", countyCode).eq("organisationId", organisationId).eq("forceCode", forceCode);
        return PageResult.of(f.find(Pairing.class, sort), page, PairingView::of);
    }

    public PairingView get(long id) {
        return PairingView.of(find(id));
    }

    private static Pairing find(long id) {
        return Pairing.<Pairing>findByIdOptional(id).orElseThrow(() -> ApiException.notFound(RESOURCE, id));
    }

    /** The pairings of the organisation with the county in force on some day of [from, to] (to null: open-ended). */
    static List<Pairing> overlapping(long organisationId, String countyCode, LocalDate from, LocalDate to) {
        Filter f = Filter.where().eq("organisationId", organisationId).eq("countyCode", countyCode);
        return inForceDuring(f, "validFrom", "validTo", from, to).list(Pairing.class, Sort.by("id"));
    }

    /**
     * Adds "in force on some day of [from, to]" for a pairing's period, whose validTo is inclusive
     * (to null: open-ended). The kit's overlaps reads an exclusive end, so [from, to] inclusive is
     * passed as (from - 1 day, to + 1 day).
     */
    static Filter inForceDuring(Filter f, String validFrom, String validTo, LocalDate from, LocalDate to) {
        return f.overlaps(validFrom, validTo, from.minusDays(1), to == null ? null : to.plusDays(1));
    }

    /**
     * Asks the registry whether the county may be assisted over the pairing's whole period [validFrom,
     * validTo] (open-ended: from validFrom on, for good). Called before the write's transaction opens, so
     * that no database connection is held while the registry is waited for. 403 for a county-scoped caller
     * first: the registry is not asked on behalf of someone who may not write.
     */
    public DesignatedPeriod checkEligibility(NewPairing cmd) {
        requireOrdered(cmd.validFrom(), cmd.validTo());
        return eligibility.requireDesignatedThroughout(cmd.countyCode(), cmd.validFrom(), cmd.validTo());
    }

    /**
     * A change of the end that lengthens the pairing (a later validTo, or none: reopened) is checked
     * over the new whole period, as a create is; a shortening needs no eligibility and is not checked
     * (null answer), so that assistance can be ended while the registry is down.
     */
    public DesignatedPeriod checkEligibility(long id, PairingEnd cmd) {
        Pairing p = find(id);
        requireOrdered(p.validFrom, cmd.validTo());
        if (!lengthens(p, cmd.validTo())) {
            return null;
        }
        return eligibility.requireDesignatedThroughout(p.countyCode, p.validFrom, cmd.validTo());
    }

    private static boolean lengthens(Pairing p, LocalDate newValidTo) {
        return p.validTo != null && (newValidTo == null || newValidTo.isAfter(p.validTo));
    }

    private static void requireOrdered(LocalDate validFrom, LocalDate validTo) {
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw ApiException.validation("validTo", "must be on or after validFrom (" + validFrom + ")");
        }
    }

    @Transactional
    public PairingView create(NewPairing cmd, DesignatedPeriod designation) {
        designation.require(cmd.countyCode(), cmd.validFrom(), cmd.validTo());
        AssistingOrganisation org = Lookups.organisation(cmd.organisationId(), "organisationId");
        requireOrdered(cmd.validFrom(), cmd.validTo());
        if (!overlapping(org.id, cmd.countyCode(), cmd.validFrom(), cmd.validTo()).isEmpty()) {
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

    /**
     * Sets the pairing's end. A lengthening needs the proof of {@link #checkEligibility(long, PairingEnd)}
     * over the new period (the county and validFrom of a pairing never change, so the proof still holds).
     */
    @Transactional
    public PairingView end(long id, String ifMatch, PairingEnd cmd, DesignatedPeriod designation) {
        Pairing p = find(id);
        Preconditions.requireMatch(ifMatch, p.version);
        requireOrdered(p.validFrom, cmd.validTo());
        if (lengthens(p, cmd.validTo())) {
            if (designation == null) {
                throw ApiException.conflict("Pairing " + id + " was changed meanwhile; read it again and retry");
            }
            designation.require(p.countyCode, p.validFrom, cmd.validTo());
        }
        if (cmd.validTo() == null || (p.validTo != null && cmd.validTo().isAfter(p.validTo))) {
            boolean overlapsAnother = overlapping(p.organisationId, p.countyCode, p.validFrom, cmd.validTo()).stream()
                    .anyMatch(other -> !other.id.equals(p.id));
            if (overlapsAnother) {
                throw ApiException.conflict("Extending pairing " + id + " would overlap another pairing of the same organisation and county");
            }
        }
        PairingView before = PairingView.of(p);
        p.validTo = cmd.validTo();
        p.endedByDesignationOn = null;
        em.flush();
        PairingView after = PairingView.of(p);
        audit.record(RESOURCE, p.id, "UPDATE", before, after);
        return after;
    }
}
