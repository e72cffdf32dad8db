package cn.sc.countyeconomy.reformpilot.service;

import cn.sc.countyeconomy.api.audit.AuditTrail;
import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.PageResult;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.problem.ProblemType;
import cn.sc.countyeconomy.api.query.Filter;
import cn.sc.countyeconomy.api.security.Caller;
import cn.sc.countyeconomy.reformpilot.Evaluation;
import cn.sc.countyeconomy.reformpilot.Pilot;
import cn.sc.countyeconomy.reformpilot.PilotStatus;
import cn.sc.countyeconomy.reformpilot.PilotTransition;
import cn.sc.countyeconomy.reformpilot.Program;
import cn.sc.countyeconomy.reformpilot.api.LifecycleStep;
import cn.sc.countyeconomy.reformpilot.api.NewPilot;
import cn.sc.countyeconomy.reformpilot.api.NewTransition;
import cn.sc.countyeconomy.reformpilot.api.PilotRow;
import cn.sc.countyeconomy.reformpilot.api.PilotState;
import cn.sc.countyeconomy.reformpilot.api.PilotView;
import cn.sc.countyeconomy.reformpilot.api.TransitionView;
import cn.sc.countyeconomy.registry.client.RegistryCopy;
import cn.sc.countyeconomy.registry.client.RegistryCounty;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Nominations and the lifecycle of pilots, with the registry writes that go with them.
 * <p>A transition that changes the pilot's REFORM_PILOT designation (approval records it; acceptance,
 * rejection and withdrawal end it) records the registry write as an outbox message in its own
 * transaction ({@link DesignationMessages}); nothing calls county-registry-service inside it. The
 * relay sends it afterwards with a fixed Idempotency-Key, and the pilot shows the sync state.
 * The pilot's row is locked for the transition, so the relay's update of its sync state waits for it.
 */
@ApplicationScoped
public class PilotService {

    /** The registry's county facts, from this service's local copy (followed from the registry's change feed). */
    @Inject
    RegistryCopy registryCopy;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    DesignationMessages designations;

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** One pilot with its history. */
    public PilotView get(long id) {
        return PilotView.of(require(id), transitionsOf(id));
    }

    /** Pilots matching the filters (each may be null), one page. */
    public PageResult<PilotView> list(Long programId, String countyCode, Set<PilotStatus> statuses, Integer batch,
            Sort sort, PageParams paging) {
        return PageResult.of(filter(programId, countyCode, statuses, batch).find(Pilot.class, sort), paging, p -> PilotView.of(p, null));
    }

    /** Pilots matching the filters (each may be null), every one, as CSV rows. */
    public List<PilotRow> rows(Long programId, String countyCode, Set<PilotStatus> statuses, Integer batch, Sort sort) {
        return filter(programId, countyCode, statuses, batch).list(Pilot.class, sort).stream().map(PilotRow::of).toList();
    }

    private static Filter filter(Long programId, String countyCode, Set<PilotStatus> statuses, Integer batch) {
        return Filter.where().eq("programId", programId).eq("countyCode", countyCode).in("status", statuses).eq("batch", batch);
    }

    /** The lifecycle history of a pilot, oldest first. */
    public List<TransitionView> history(long pilotId) {
        require(pilotId);
        return transitionsOf(pilotId).stream().map(TransitionView::of).toList();
    }

    /** The lifecycle table: every status, where it may go, and who may bring a pilot into it. */
    public List<LifecycleStep> lifecycle() {
        return Arrays.stream(PilotStatus.values())
                .map(s -> new LifecycleStep(s, List.copyOf(s.next()), s.isFinal(), s.rolesToEnter())).toList();
    }

    Pilot require(long id) {
        return Pilot.<Pilot>findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Pilot", id));
    }

    Program program(long id) {
        return Program.<Program>findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Program", id));
    }

    private static List<PilotTransition> transitionsOf(long pilotId) {
        return PilotTransition.list("pilotId", Sort.by("date").and("id"), pilotId);
    }

    /** 403 for a county-scoped token of another county; 422 when the pilot is in a final state. */
    Pilot requireWritable(long pilotId) {
        Pilot p = require(pilotId);
        if (p.status.isFinal()) {
            throw ApiException.rule("pilot-final", "Pilot " + p.id + " (" + p.countyName + ") is " + p.status
                    + ", a final status; its data can no longer be changed").with("pilotStatus", p.status);
        }
        return p;
    }

    @Transactional
    public PilotView nominate(NewPilot r) {
        Program program = Program.<Program>findByIdOptional(r.programId())
                .orElseThrow(() -> ApiException.validation("programId", "no programme with id " + r.programId()));
        if (!program.hasBatch(r.batch())) {
            throw ApiException.validation("batch", "programme " + program.id + " has no batch " + r.batch() + "; its batches: "
                    + program.batches.stream().map(b -> Integer.toString(b.number)).collect(Collectors.joining(", ")));
        }
        checkNomination(program, r);
        RegistryCounty county = activeCounty(r.countyCode(), r.nominatedOn());
        Pilot p = new Pilot();
        p.programId = program.id;
        p.batch = r.batch();
        p.countyCode = county.code() == null ? r.countyCode() : county.code();
        p.countyName = county.name();
        p.prefectureName = county.prefectureName();
        p.status = PilotStatus.NOMINATED;
        p.statusSince = r.nominatedOn();
        p.nominatedOn = r.nominatedOn();
        try {
            p.persist();
            em.flush();
        } catch (PersistenceException e) {
            // the partial unique index: another nomination of the same county won the race
            throw ApiException.conflict("County " + r.countyCode() + " was nominated for programme " + program.id
                    + " by another request at the same moment");
        }
        record(p, null, PilotStatus.NOMINATED, r.nominatedOn(), r.reason());
        audit.record("Pilot", p.id, "NOMINATE", null, PilotState.of(p), r.reason());
        return PilotView.of(p, transitionsOf(p.id));
    }

    /** The dates and the programme's other live pilots (the registry is asked after these). */
    private void checkNomination(Program program, NewPilot r) {
        LocalDate today = today();
        if (r.nominatedOn().isAfter(today)) {
            throw ApiException.validation("nominatedOn", "must not be in the future (today is " + today + ")");
        }
        if (program.launchDate != null && r.nominatedOn().isBefore(program.launchDate)) {
            throw ApiException.rule("nomination-before-launch", "nominatedOn " + r.nominatedOn()
                    + " is before the programme's launch date " + program.launchDate);
        }
        if (program.deadline != null && r.nominatedOn().isAfter(program.deadline)) {
            throw ApiException.rule("nomination-after-deadline", "nominatedOn " + r.nominatedOn()
                    + " is after the programme's deadline " + program.deadline);
        }
        Pilot live = Pilot.<Pilot>find("programId = ?1 and countyCode = ?2 and status not in ?3", program.id, r.countyCode(),
                List.of(PilotStatus.WITHDRAWN, PilotStatus.REJECTED)).firstResult();
        if (live != null) {
            throw ApiException.conflict("County " + r.countyCode() + " is already pilot " + live.id + " of programme "
                    + program.id + " (status " + live.status + ")").with("pilotId", live.id);
        }
    }

    /**
     * The county as county-registry-service knows it on the date, from the local copy of its facts;
     * 422 unless it is ACTIVE then. A code retired by then is refused naming the codes that took it
     * over by that date (the lineage), so the caller can send the current code: a nomination is of a
     * county as it exists, never mapped silently to another one. 503 only while the copy was never loaded.
     */
    RegistryCounty activeCounty(String code, LocalDate on) {
        RegistryCounty county = registryCopy.county(code, on)
                .orElseThrow(() -> ApiException.rule("county-unknown", "county-registry-service knows no county with code "
                        + code).with("countyCode", code));
        if (!county.active()) {
            String successors = county.successors() == null || county.successors().isEmpty()
                    ? ""
                    : "; its successors: " + county.successors().stream().map(s -> s.name() == null ? s.code() : s.code() + " " + s.name())
                            .collect(Collectors.joining(", "));
            throw ApiException.rule("county-not-active", "County " + code + " (" + county.name() + ") is "
                    + county.status() + " on " + on + ", not ACTIVE" + successors)
                    .with("countyCode", code).with("registryStatus", county.status())
                    .with("successors", county.successors() == null ? List.of() : county.successors().stream().map(RegistryCounty.CodeName::code).toList());
        }
        return county;
    }

    @Transactional
    public PilotView transition(long id, String ifMatch, NewTransition r) {
        Pilot p = em.find(Pilot.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            throw ApiException.notFound("Pilot", id);
        }
        PilotStatus from = p.status;
        PilotStatus to = r.to();
        checkMayMove(p, ifMatch, to);
        checkDate(p, r);
        if (to == PilotStatus.ACCEPTED || to == PilotStatus.REJECTED) {
            checkVerdict(p, to);
        }
        Program program = program(p.programId);
        if (to == PilotStatus.APPROVED) {
            checkBeforeDeadline(program, r);
        }
        PilotState before = PilotState.of(p);
        p.status = to;
        p.statusSince = r.date();
        if (to == PilotStatus.IMPLEMENTING && p.implementationStart == null) {
            p.implementationStart = r.date();
        }
        record(p, from, to, r.date(), r.reason());
        changeDesignation(p, program, r);
        em.flush(); // the version check, so that the answer carries the version the pilot is stored with
        audit.record("Pilot", p.id, "TRANSITION", before, PilotState.of(p), r.reason());
        return PilotView.of(p, transitionsOf(p.id));
    }

    /** The role to enter the target, then If-Match, then the lifecycle table. */
    private void checkMayMove(Pilot p, String ifMatch, PilotStatus to) {
        if (to.rolesToEnter().stream().noneMatch(identity::hasRole)) {
            throw ApiException.forbidden("Moving a pilot to " + to + " needs the role " + String.join(" or ", to.rolesToEnter()));
        }
        // preconditions before the method's own rules (RFC 9110 13.2.2): a request sent with a stale
        // ETag is a 412 whatever the state it would meet now
        Preconditions.requireMatch(ifMatch, p.version);
        PilotStatus from = p.status;
        if (!from.mayBecome(to)) {
            String allowed = from.next().isEmpty()
                    ? "none: " + from + " is final"
                    : from.next().stream().map(Enum::name).collect(Collectors.joining(", "));
            throw new ApiException(409, ProblemType.CONFLICT, "A pilot in status " + from + " cannot become " + to
                    + "; allowed next: " + allowed)
                    .with("rule", "illegal-transition").with("from", from).with("to", to)
                    .with("allowed", List.copyOf(from.next()));
        }
    }

    private void checkDate(Pilot p, NewTransition r) {
        LocalDate today = today();
        if (r.date().isAfter(today)) {
            throw ApiException.validation("date", "must not be in the future (today is " + today + ")");
        }
        if (r.date().isBefore(p.statusSince)) {
            throw ApiException.rule("transition-date-order", "date " + r.date() + " is before " + p.statusSince
                    + ", when the pilot became " + p.status);
        }
    }

    /** ACCEPTED needs the latest evaluation of this round to say PASS, REJECTED to say FAIL. */
    private static void checkVerdict(Pilot p, PilotStatus to) {
        Evaluation.Verdict needed = to == PilotStatus.ACCEPTED ? Evaluation.Verdict.PASS : Evaluation.Verdict.FAIL;
        Evaluation latest = Evaluation.<Evaluation>find("pilotId = ?1 and evaluatedOn >= ?2", Sort.descending("evaluatedOn", "id"),
                p.id, p.statusSince).firstResult();
        if (latest == null || latest.verdict != needed) {
            throw ApiException.rule("evaluation-required", "Moving pilot " + p.id + " to " + to
                    + " needs an evaluation with verdict " + needed + " recorded while it is UNDER_EVALUATION; "
                    + (latest == null ? "there is none" : "the latest (" + latest.id + ") says " + latest.verdict))
                    .with("requiredVerdict", needed);
        }
    }

    /** The programme's deadline is the designation's last day: approving after it would designate nothing. */
    private static void checkBeforeDeadline(Program program, NewTransition r) {
        if (program.deadline != null && r.date().isAfter(program.deadline)) {
            throw ApiException.rule("approval-after-deadline", "date " + r.date() + " is after the programme's deadline "
                    + program.deadline + "; a pilot approved then would never be one").with("deadline", program.deadline.toString());
        }
    }

    /**
     * The REFORM_PILOT designation follows the pilot: approval records it from the approval date to the
     * programme's deadline (its end, exclusive, is the day after; open-ended without a deadline);
     * acceptance, rejection or withdrawal end it on their date, unless the deadline ended it before.
     */
    private void changeDesignation(Pilot p, Program program, NewTransition r) {
        PilotStatus to = r.to();
        if (to == PilotStatus.APPROVED) {
            p.designationFrom = r.date();
            p.designationTo = program.deadline == null ? null : program.deadline.plusDays(1);
            designations.add(p, program.nameZh, approvalKey(p.id));
        } else if (to.isFinal() && p.designationFrom != null && (p.designationTo == null || r.date().isBefore(p.designationTo))) {
            p.designationTo = r.date();
            designations.end(p, r.date(), r.reason(), "pilot-" + p.id + "-end");
        }
    }

    static String approvalKey(long pilotId) {
        return "pilot-" + pilotId + "-approve";
    }

    private void record(Pilot p, PilotStatus from, PilotStatus to, LocalDate date, String reason) {
        PilotTransition t = new PilotTransition();
        t.pilotId = p.id;
        t.fromStatus = from;
        t.toStatus = to;
        t.date = date;
        t.actor = caller.subject();
        t.reason = reason;
        t.recordedAt = Instant.now(clock);
        t.persist();
    }
}
