package cn.sc.countyeconomy.assistance.service;

import cn.sc.countyeconomy.api.audit.AuditTrail;
import cn.sc.countyeconomy.assistance.Pairing;
import cn.sc.countyeconomy.assistance.api.PairingView;
import cn.sc.countyeconomy.assistance.client.UnderdevelopedCounties;
import cn.sc.countyeconomy.registry.client.RegistryDesignation;
import cn.sc.countyeconomy.registry.client.RegistryFactsChanged;
import cn.sc.countyeconomy.registry.client.RegistryFeedPage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A county that stops being designated UNDERDEVELOPED_COUNTY ends its pairings on that date (issue 18).
 * Observes {@link RegistryFactsChanged}, which county-registry-client fires after the commit of the
 * facts it applied, on the one replica that applied them: for each county whose UNDERDEVELOPED_COUNTY
 * designation changed (every county with a pairing after a full load of the copy), a pairing that
 * runs past the last day the county is designated (as the local copy holds its designations, renewals
 * without a gap counting as one) is ended on that day, with {@code endedByDesignationOn} the first day
 * not designated, in one transaction per county, its pairings locked, audited (actor
 * {@value #ACTOR}). Idempotent: a pairing already ending in time is not touched, so a replayed or
 * duplicate event, or a second replica's full load, changes nothing. A pairing whose very first day is
 * no longer designated (a designation corrected to end before it) cannot be ended before it starts: it
 * is left and logged.
 */
@ApplicationScoped
public class PairingsEndWithDesignation {

    private static final Logger LOG = Logger.getLogger(PairingsEndWithDesignation.class);
    /** The audit actor of the pairings ended here. */
    public static final String ACTOR = "county-registry-service:change-feed";

    @Inject
    UnderdevelopedCounties eligibility;
    @Inject
    AuditTrail audit;
    @Inject
    EntityManager em;

    @ActivateRequestContext
    void on(@Observes RegistryFactsChanged changed) {
        Set<String> counties = new TreeSet<>();
        if (changed.fullReload()) {
            counties.addAll(QuarkusTransaction.requiringNew()
                    .call(() -> em.createQuery("SELECT DISTINCT p.countyCode FROM Pairing p", String.class).getResultList()));
        }
        for (RegistryFeedPage.Event e : changed.of("DESIGNATION")) {
            if (e.payload() != null && RegistryDesignation.UNDERDEVELOPED_COUNTY.equals(e.payload().path("typeCode").asText())) {
                counties.add(e.payload().path("countyCode").asText());
            }
        }
        for (String county : counties) {
            try {
                int ended = QuarkusTransaction.requiringNew().call(() -> endUndesignated(county));
                if (ended > 0) {
                    LOG.infof("County %s is no longer designated underdeveloped throughout its pairings: %d pairing(s) ended", county, ended);
                }
            } catch (RuntimeException ex) {
                // the copy has the facts; the next full load (or the next change of the county) tries again
                LOG.errorf(ex, "Could not end the pairings of county %s after its designation changed", county);
            }
        }
    }

    /** Ends, in the caller's transaction, the county's pairings that run past its designation; answers how many. */
    int endUndesignated(String county) {
        List<Pairing> pairings = em.createQuery("SELECT p FROM Pairing p WHERE p.countyCode = :c ORDER BY p.id", Pairing.class)
                .setParameter("c", county).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        int ended = 0;
        for (Pairing p : pairings) {
            Optional<LocalDate> gap = eligibility.firstDayNotDesignated(county, p.validFrom, p.validTo);
            if (gap.isEmpty()) {
                continue;
            }
            LocalDate end = gap.get();
            if (!end.isAfter(p.validFrom)) {
                LOG.warnf("Pairing %d of county %s starts on %s, when the county is no longer designated underdeveloped; it is left for an "
                        + "editor to end", p.id, county, p.validFrom);
                continue;
            }
            PairingView before = PairingView.of(p);
            p.validTo = end.minusDays(1);
            p.endedByDesignationOn = end;
            em.flush();
            audit.recordBySystem(ACTOR, PairingService.RESOURCE, p.id, "UPDATE", before, PairingView.of(p),
                    "county " + county + " is designated underdeveloped only until " + p.validTo + " (registry change feed)");
            ended++;
        }
        return ended;
    }
}
