package cn.sc.countyeconomy.reformpilot.service;

import cn.sc.countyeconomy.api.outbox.OutboxMessage;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.reformpilot.Pilot;
import cn.sc.countyeconomy.reformpilot.Program;
import cn.sc.countyeconomy.reformpilot.api.Drift;
import cn.sc.countyeconomy.reformpilot.api.ReconciliationReport;
import cn.sc.countyeconomy.registry.client.CountyRegistry;
import cn.sc.countyeconomy.registry.client.RegistryDesignation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Compares the registry's REFORM_PILOT designations of this service's sources (one per programme,
 * {@link DesignationMessages#source}) with the pilots, and repairs what it can: a designation the
 * registry lacks is sent again, an end the registry lacks (or has later) is sent, an id this service
 * lacks is recorded; what only a person can decide (an orphan in the registry, an end the registry has
 * earlier) is reported. A pilot whose registry write is still PENDING or FAILED is left to the relay and
 * to its sync state. The registry is read outside any transaction; each programme's repairs are one
 * short transaction, which skips a pilot whose write was settled after that read began.
 */
@ApplicationScoped
public class RegistryReconciliation {

    private static final Logger LOG = Logger.getLogger(RegistryReconciliation.class);

    @Inject
    CountyRegistry registry;
    @Inject
    DesignationMessages messages;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    /** Every programme, or only {@code programId} when given. */
    public ReconciliationReport reconcile(Long programId) {
        List<Long> programmes = QuarkusTransaction.requiringNew().call(() -> {
            if (programId != null) {
                if (Program.findById(programId) == null) {
                    throw ApiException.notFound("Program", programId);
                }
                return List.of(programId);
            }
            return Program.<Program>listAll(Sort.by("id")).stream().map(p -> p.id).toList();
        });
        List<String> sources = new ArrayList<>();
        List<Drift> drifts = new ArrayList<>();
        int[] counts = new int[3];
        for (long id : programmes) {
            String source = DesignationMessages.source(id);
            sources.add(source);
            Instant readAt = Instant.now(clock);
            List<RegistryDesignation> held = registry.designationsFrom(RegistryDesignation.REFORM_PILOT, source).stream()
                    .filter(d -> source.equals(d.source())).toList();
            counts[2] += held.size();
            QuarkusTransaction.requiringNew().run(() -> compare(id, source, held, readAt, drifts, counts));
        }
        drifts.forEach(d -> LOG.infof("registry drift: %s", d));
        return new ReconciliationReport(sources, counts[0], counts[1], counts[2], drifts);
    }

    private void compare(long programId, String source, List<RegistryDesignation> held, Instant readAt, List<Drift> drifts, int[] counts) {
        Set<Long> accounted = new HashSet<>();
        for (Pilot listed : Pilot.<Pilot>list("programId = ?1 and designationFrom is not null", Sort.by("id"), programId)) {
            Pilot p = em.find(Pilot.class, listed.id, LockModeType.PESSIMISTIC_WRITE);
            RegistryDesignation d = match(p, held);
            if (d != null) {
                accounted.add(d.id());
            }
            if (inFlight(p, readAt)) {
                counts[1]++;
                continue;
            }
            counts[0]++;
            if (d == null) {
                messages.add(p, programName(programId), DesignationMessages.repairKey(p.id, messages.count(p.id)));
                drifts.add(new Drift(Drift.Kind.MISSING_IN_REGISTRY, Drift.Action.ENQUEUED, p.id, null, p.countyCode, source,
                        "no designation of " + p.countyCode + " from " + p.designationFrom + " in the registry; recorded again"));
                continue;
            }
            if (!d.id().equals(p.designationId)) {
                drifts.add(new Drift(Drift.Kind.ID_NOT_RECORDED, Drift.Action.RECORDED, p.id, d.id(), p.countyCode, source,
                        "the registry's designation " + d.id() + " is this pilot's" + (p.designationId == null ? "" : ", not " + p.designationId)));
                p.designationId = d.id();
            }
            if (!Objects.equals(d.validTo(), p.designationTo)) {
                boolean sendable = p.designationTo != null && (d.validTo() == null || d.validTo().isAfter(p.designationTo));
                if (sendable) {
                    messages.end(p, p.designationTo, "reconciliation: the pilot's designation ends " + p.designationTo,
                            DesignationMessages.repairKey(p.id, messages.count(p.id)));
                }
                drifts.add(new Drift(Drift.Kind.END_DIFFERS, sendable ? Drift.Action.ENQUEUED : Drift.Action.REPORTED, p.id, d.id(),
                        p.countyCode, source, "the registry ends it " + describe(d.validTo()) + ", this service " + describe(p.designationTo)));
            }
        }
        for (RegistryDesignation d : held) {
            if (!accounted.contains(d.id())) {
                drifts.add(new Drift(Drift.Kind.ORPHAN_IN_REGISTRY, Drift.Action.REPORTED, null, d.id(), d.countyCode(), source,
                        "designation " + d.id() + " of " + d.countyCode() + " from " + d.validFrom() + " matches no pilot of programme "
                                + programId));
            }
        }
    }

    /** The registry's designation of the pilot: its recorded id, else the same county and first day. */
    private static RegistryDesignation match(Pilot p, List<RegistryDesignation> held) {
        return held.stream().filter(d -> d.id().equals(p.designationId)).findFirst()
                .orElseGet(() -> held.stream().filter(d -> d.countyCode().equals(p.countyCode) && d.validFrom().equals(p.designationFrom))
                        .findFirst().orElse(null));
    }

    /** A write not yet DONE, or DONE after the registry was read (the read may not show it). */
    private boolean inFlight(Pilot p, Instant readAt) {
        return messages.unsettled(p.id) || OutboxMessage.count("aggregateType = ?1 and aggregateId = ?2 and doneAt >= ?3",
                DesignationMessages.AGGREGATE, Long.toString(p.id), readAt) > 0;
    }

    private static String programName(long programId) {
        return Program.<Program>findByIdOptional(programId).map(p -> p.nameZh).orElse("programme " + programId);
    }

    private static String describe(LocalDate end) {
        return end == null ? "never (open-ended)" : "on " + end;
    }
}
