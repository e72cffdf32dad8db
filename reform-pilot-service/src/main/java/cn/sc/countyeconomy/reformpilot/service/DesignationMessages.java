package cn.sc.countyeconomy.reformpilot.service;

import cn.sc.countyeconomy.api.outbox.Outbox;
import cn.sc.countyeconomy.api.outbox.OutboxMessage;
import cn.sc.countyeconomy.reformpilot.Pilot;
import cn.sc.countyeconomy.registry.client.NewDesignation;
import cn.sc.countyeconomy.registry.client.RegistryDesignation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;

/**
 * The registry writes of pilots, as outbox messages: recorded in the transaction of the transition
 * that causes them, sent afterwards by the relay ({@link AddDesignationHandler},
 * {@link EndDesignationHandler}). Also keeps each pilot's sync state from its messages.
 *
 * <p>The designation's source is {@link #source(long) reform-pilot:programme/&lt;programme id&gt;}: a
 * county may be a pilot of several programmes, each with a designation of its own, and the
 * reconciliation finds this service's designations by it.
 */
@ApplicationScoped
public class DesignationMessages {

    static final String ADD = "registry.designation.add";
    static final String END = "registry.designation.end";
    static final String AGGREGATE = "Pilot";

    /** What the relay sends to record a pilot's designation. */
    public record Add(long pilotId, NewDesignation designation) {
    }

    /** What the relay sends to end it; the designation's id is looked up when it is sent (the add may still be on its way). */
    public record End(long pilotId, String countyCode, String source, LocalDate validFrom, LocalDate endDate, String reason) {
    }

    @Inject
    Outbox outbox;
    @Inject
    EntityManager em;

    /** The source of the designations of a programme's pilots (programme ids are stable, codes may change). */
    public static String source(long programId) {
        return "reform-pilot:programme/" + programId;
    }

    /** Records the designation of an approved pilot, to be sent with Idempotency-Key {@code pilot-<id>-approve}. */
    @Transactional(Transactional.TxType.MANDATORY)
    void add(Pilot p, String programName, String key) {
        outbox.enqueue(ADD, AGGREGATE, p.id, key, new Add(p.id, new NewDesignation(RegistryDesignation.REFORM_PILOT, p.countyCode,
                p.designationFrom, p.designationTo, "reform-pilot-service/pilots/" + p.id, programName + "（第" + p.batch + "批）",
                source(p.programId))));
        pending(p);
    }

    /** Records the end of a pilot's designation on {@code endDate}. */
    @Transactional(Transactional.TxType.MANDATORY)
    void end(Pilot p, LocalDate endDate, String reason, String key) {
        outbox.enqueue(END, AGGREGATE, p.id, key, new End(p.id, p.countyCode, source(p.programId), p.designationFrom, endDate, reason));
        pending(p);
    }

    /** PENDING, unless a refused write is in the way: later writes of the pilot wait behind it, and it stays FAILED. */
    private static void pending(Pilot p) {
        if (p.syncState == Pilot.SyncState.FAILED) {
            return;
        }
        p.syncState = Pilot.SyncState.PENDING;
        p.syncDetail = null;
        p.syncRegistryStatus = null;
    }

    /** The key of a write the reconciliation sends again: unique per pilot and message. */
    static String repairKey(long pilotId, long messagesSoFar) {
        return "pilot-" + pilotId + "-repair-" + (messagesSoFar + 1);
    }

    /** How many messages were ever recorded for the pilot (to make a repair's key unique). */
    long count(long pilotId) {
        return OutboxMessage.count("aggregateType = ?1 and aggregateId = ?2", AGGREGATE, Long.toString(pilotId));
    }

    /** True when a message of the pilot is not DONE (on its way, or refused and waiting for a person). */
    boolean unsettled(long pilotId) {
        return OutboxMessage.count("aggregateType = ?1 and aggregateId = ?2 and status <> ?3", AGGREGATE, Long.toString(pilotId),
                OutboxMessage.Status.DONE) > 0;
    }

    /**
     * Sets the pilot's sync state from its messages, under the pilot's row lock (so a transition that
     * records a new message at the same moment is seen): FAILED while one is refused (with its answer),
     * PENDING while one is on its way (with the last fault, if any), SYNCED when all are DONE.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Pilot settle(OutboxMessage current, Long designationId) {
        long pilotId = Long.parseLong(current.aggregateId);
        Pilot p = em.find(Pilot.class, pilotId, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            return null;
        }
        if (designationId != null) {
            p.designationId = designationId;
        }
        List<OutboxMessage> messages = outbox.of(AGGREGATE, pilotId);
        OutboxMessage failed = messages.stream().filter(m -> m.status == OutboxMessage.Status.FAILED).findFirst().orElse(null);
        OutboxMessage pending = messages.stream().filter(m -> m.status == OutboxMessage.Status.PENDING).findFirst().orElse(null);
        if (failed != null) {
            p.syncState = Pilot.SyncState.FAILED;
            p.syncDetail = failed.lastError;
            p.syncRegistryStatus = failed.lastStatus;
        } else if (pending != null) {
            p.syncState = Pilot.SyncState.PENDING;
            p.syncDetail = pending.lastError == null ? null : "last attempt " + pending.lastAttemptAt + ": " + pending.lastError;
            p.syncRegistryStatus = pending.lastStatus;
        } else {
            p.syncState = Pilot.SyncState.SYNCED;
            p.syncDetail = null;
            p.syncRegistryStatus = null;
        }
        return p;
    }
}
