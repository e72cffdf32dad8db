package cn.sc.countyeconomy.assessment.service;

import cn.sc.countyeconomy.api.audit.AuditTrail;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.problem.Problem;
import cn.sc.countyeconomy.api.security.Caller;
import cn.sc.countyeconomy.assessment.AssessmentScheme;
import cn.sc.countyeconomy.assessment.RunResult;
import cn.sc.countyeconomy.assessment.ScoringRun;
import cn.sc.countyeconomy.assessment.SensitivityJob;
import cn.sc.countyeconomy.assessment.api.JobView;
import cn.sc.countyeconomy.assessment.api.SensitivityRequest;
import cn.sc.countyeconomy.assessment.scoring.Model;
import cn.sc.countyeconomy.assessment.scoring.Sensitivity;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Monte Carlo sensitivity analyses of runs, as background jobs on the managed executor, owned by the
 * instance that claimed them under a lease its heartbeat renews (see {@link #recoverAbandoned()}).
 */
@ApplicationScoped
public class SensitivityService {

    private static final Logger LOG = Logger.getLogger(SensitivityService.class);

    @Inject
    EntityManager em;
    @Inject
    ManagedExecutor executor;
    @Inject
    RunService runs;
    @Inject
    FrameworkService framework;
    @Inject
    AuditTrail audit;
    @Inject
    Caller caller;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    @ConfigProperty(name = "assessment.jobs.lease", defaultValue = "PT1M")
    Duration lease;
    @ConfigProperty(name = "assessment.jobs.max-attempts", defaultValue = "2")
    int maxAttempts;

    private final String instance = "assessment@" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    /** Jobs this instance must stop computing: cancelled here, or found cancelled or taken over at a heartbeat. */
    private final Set<Long> cancelled = ConcurrentHashMap.newKeySet();

    /** Starts are rate-limited per caller across all replicas: see {@code RunResource.sensitivity}. */
    @Transactional
    public JobView create(long runId, SensitivityRequest req) {
        runs.find(runId);
        SensitivityRequest r = new SensitivityRequest(req.replications() == null ? 1000 : req.replications(), req.seed() == null ? 1L : req.seed(),
                req.weightPerturbation() == null ? 0.25 : req.weightPerturbation(),
                req.normalisations() == null ? List.of() : req.normalisations(),
                req.imputations() == null ? List.of() : req.imputations(), req.treatments() == null ? List.of() : req.treatments());
        List<Problem.Violation> v = new ArrayList<>();
        if (r.treatments().size() > 10)
            v.add(new Problem.Violation("treatments", "at most 10 alternatives"));
        for (int i = 0; i < r.treatments().size(); i++)
            if (r.treatments().get(i) == null)
                v.add(new Problem.Violation("treatments[" + i + "]", "must be true (COINr's default Treat) or false (no treatment)"));
        if (r.replications() < 1 || r.replications() > 10_000)
            v.add(new Problem.Violation("replications", "must be 1 to 10000"));
        if (r.weightPerturbation() < 0 || r.weightPerturbation() > 0.9)
            v.add(new Problem.Violation("weightPerturbation", "must be 0 to 0.9"));
        if (!v.isEmpty())
            throw ApiException.validation(v);
        SensitivityJob job = new SensitivityJob();
        job.runId = runId;
        job.status = SensitivityJob.Status.QUEUED;
        job.config = runs.write(r);
        job.replications = r.replications();
        job.createdAt = Instant.now(clock);
        job.createdBy = caller.subject();
        job.persist();
        em.flush();
        audit.record("SensitivityJob", job.id, "CREATE", null, Map.of("runId", runId, "config", r));
        return view(job);
    }

    /** Starts a queued job after its creating transaction has committed; a replayed create finds it started and does nothing. */
    public void start(long jobId) {
        executor.runAsync(() -> execute(jobId));
    }

    /** This instance's name in the jobs it owns: unique per process, so a restarted instance does not pass for its predecessor. */
    public String instance() {
        return instance;
    }

    private Instant leaseEnd() {
        return Instant.now(clock).plus(lease);
    }

    /**
     * QUEUED to RUNNING, owned by this instance with a fresh lease; false when the job is not QUEUED
     * (another instance claimed it, or it was cancelled).
     */
    public boolean claim(long jobId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("update SensitivityJob set status = :r, owner = :me,"
                + " leaseUntil = :lease, attempts = attempts + 1, startedAt = :now, done = 0, version = version + 1"
                + " where id = :id and status = :q").setParameter("r", SensitivityJob.Status.RUNNING).setParameter("me", instance)
                .setParameter("lease", leaseEnd()).setParameter("now", Instant.now(clock)).setParameter("q", SensitivityJob.Status.QUEUED)
                .setParameter("id", jobId).executeUpdate()) == 1;
    }

    /**
     * Records progress and renews the lease, only while this instance still owns the running job;
     * false when it does not any more (cancelled, or taken over after a lost lease): the computation stops.
     */
    public boolean heartbeat(long jobId, int done) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("update SensitivityJob set done = greatest(done, :d),"
                + " leaseUntil = :lease, version = version + 1 where id = :id and status = :r and owner = :me")
                .setParameter("d", done).setParameter("lease", leaseEnd()).setParameter("id", jobId)
                .setParameter("r", SensitivityJob.Status.RUNNING).setParameter("me", instance).executeUpdate()) == 1;
    }

    /** RUNNING to an end state, only while this instance owns it: a cancel that committed first wins. */
    public boolean finish(long jobId, SensitivityJob.Status status, String result, String error) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("update SensitivityJob set status = :s, result = :res,"
                + " error = :err, finishedAt = :now, owner = null, leaseUntil = null, version = version + 1"
                + " where id = :id and status = :r and owner = :me").setParameter("s", status).setParameter("res", result)
                .setParameter("err", error).setParameter("now", Instant.now(clock)).setParameter("id", jobId)
                .setParameter("r", SensitivityJob.Status.RUNNING).setParameter("me", instance).executeUpdate()) == 1;
    }

    void execute(long jobId) {
        if (!claim(jobId)) {
            return;
        }
        try {
            Object[] loaded = QuarkusTransaction.requiringNew().call(() -> {
                SensitivityJob job = SensitivityJob.findById(jobId);
                ScoringRun run = runs.find(job.runId);
                AssessmentScheme scheme = framework.find(run.schemeId);
                List<Model.CountyInput> inputs = new ArrayList<>();
                for (RunResult r : RunResult.<RunResult>list("runId", io.quarkus.panache.common.Sort.by("id"), run.id)) {
                    Map<String, Object> d = runs.read(r.detail, new TypeReference<Map<String, Object>>() {
                    });
                    Map<String, Double> values = new HashMap<>();
                    for (Object o : (List<?>) d.get("indicators")) {
                        Map<?, ?> ind = (Map<?, ?>) o;
                        if (ind.get("raw") != null)
                            values.put((String) ind.get("indicator"), ((Number) ind.get("raw")).doubleValue());
                    }
                    inputs.add(new Model.CountyInput(r.countyCode, r.category, values));
                }
                return new Object[]{framework.definition(scheme).toModel(), inputs, runs.read(job.config, SensitivityRequest.class)};
            });
            Model.Scheme scheme = (Model.Scheme) loaded[0];
            @SuppressWarnings("unchecked")
            List<Model.CountyInput> inputs = (List<Model.CountyInput>) loaded[1];
            SensitivityRequest req = (SensitivityRequest) loaded[2];
            int step = Math.max(1, req.replications() / 50);
            // the lease is renewed with the progress reports, and at least every third of the lease whatever the pace
            long beatEvery = Math.max(1, lease.toMillis() / 3);
            AtomicLong nextBeat = new AtomicLong(clock.millis() + beatEvery);
            // the replications run in a pool of this job's own, not the JVM's common pool (one worker on 2 cores): a job
            // whose progress report stalls (its database away, its instance paused) then cannot hold up another job's
            // replications queued behind its own
            ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
            List<Sensitivity.CountyUncertainty> result;
            try {
                result = pool.submit(() -> Sensitivity.run(scheme, inputs,
                        new Sensitivity.Config(req.replications(), req.seed(), req.weightPerturbation(), req.normalisations(), req.imputations(),
                                req.treatments() == null ? List.of() : req.treatments(), List.of(1, 2)),
                        done -> {
                            long now = clock.millis();
                            long due = nextBeat.get();
                            boolean timeDue = now >= due && nextBeat.compareAndSet(due, now + beatEvery);
                            if ((done % step == 0 || done == req.replications() || timeDue) && !heartbeat(jobId, done)) {
                                cancelled.add(jobId); // cancelled, or taken over by another instance: stop
                            }
                        }, () -> cancelled.contains(jobId))).join();
            } finally {
                pool.shutdown();
            }
            boolean recorded = result == null
                    ? finish(jobId, SensitivityJob.Status.CANCELLED, null, null)
                    : finish(jobId, SensitivityJob.Status.SUCCEEDED, runs.write(result), null);
            if (!recorded) {
                LOG.infof("sensitivity job %d: no longer this instance's (%s) to finish (cancelled or taken over); its result is discarded",
                        jobId, instance);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "sensitivity job %d failed", jobId);
            finish(jobId, SensitivityJob.Status.FAILED, null, "the computation failed; see the service log for job " + jobId);
        } finally {
            cancelled.remove(jobId);
        }
    }

    /** What one pass of {@link #recoverAbandoned()} did. */
    public record JobRecovery(List<Long> restarted, List<Long> failed) {
    }

    /**
     * Jobs whose owner stopped renewing its lease (its instance was killed or lost the database) are
     * started again here when they have been tried fewer than {@code assessment.jobs.max-attempts}
     * times, else FAILED with the reason; QUEUED jobs that no instance started within a lease (their
     * instance stopped between the create and the start) are started. Rows are taken with SKIP LOCKED,
     * and the start itself is a conditional claim, so instances recovering at once never run a job
     * twice. Runs at start-up and every {@code assessment.jobs.recover-every}.
     */
    public JobRecovery recoverAbandoned() {
        Instant now = Instant.now(clock);
        JobRecovery done = QuarkusTransaction.requiringNew().call(() -> {
            List<Long> restarted = new ArrayList<>();
            List<Long> failed = new ArrayList<>();
            @SuppressWarnings("unchecked")
            List<Object[]> lost = em.createNativeQuery("SELECT id, attempts, owner, lease_until FROM sensitivity_job"
                    + " WHERE status = 'RUNNING' AND lease_until < :now ORDER BY id FOR UPDATE SKIP LOCKED")
                    .setParameter("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).getResultList();
            for (Object[] row : lost) {
                long id = ((Number) row[0]).longValue();
                int attempts = ((Number) row[1]).intValue();
                if (attempts < maxAttempts) {
                    em.createQuery("update SensitivityJob set status = :q, owner = null, leaseUntil = null, done = 0, version = version + 1"
                            + " where id = :id").setParameter("q", SensitivityJob.Status.QUEUED).setParameter("id", id).executeUpdate();
                    restarted.add(id);
                } else {
                    em.createQuery("update SensitivityJob set status = :f, error = :err, finishedAt = :now, owner = null, leaseUntil = null,"
                            + " version = version + 1 where id = :id").setParameter("f", SensitivityJob.Status.FAILED)
                            .setParameter("err", "its instance (" + row[2] + ") stopped without finishing it (lease ended " + row[3]
                                    + ") after " + attempts + " attempt(s); start the analysis again")
                            .setParameter("now", now).setParameter("id", id).executeUpdate();
                    failed.add(id);
                }
            }
            @SuppressWarnings("unchecked")
            List<Number> stale = em.createNativeQuery("SELECT id FROM sensitivity_job WHERE status = 'QUEUED' AND created_at < :cutoff"
                    + " ORDER BY id FOR UPDATE SKIP LOCKED").setParameter("cutoff", OffsetDateTime.ofInstant(now.minus(lease), ZoneOffset.UTC))
                    .getResultList();
            stale.forEach(id -> restarted.add(id.longValue()));
            return new JobRecovery(List.copyOf(restarted), List.copyOf(failed));
        });
        done.restarted().forEach(id -> LOG.infof("sensitivity job %d: started again by %s (its instance stopped, or never started it)", id,
                instance));
        done.failed().forEach(id -> LOG.warnf("sensitivity job %d: FAILED by %s, its instance stopped too often", id, instance));
        done.restarted().forEach(this::start);
        return done;
    }

    @Scheduled(every = "${assessment.jobs.recover-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void recoverOnSchedule() {
        recoverAbandoned();
    }

    /** QUEUED or RUNNING to CANCELLED in one conditional update: whatever the job's instance does afterwards cannot undo it. */
    @Transactional
    public JobView cancel(long jobId) {
        SensitivityJob job = find(jobId);
        String before = job.status.name();
        int n = em.createQuery("update SensitivityJob set status = :c, finishedAt = :now, owner = null, leaseUntil = null,"
                + " version = version + 1 where id = :id and status in (:open)").setParameter("c", SensitivityJob.Status.CANCELLED)
                .setParameter("now", Instant.now(clock)).setParameter("id", jobId)
                .setParameter("open", List.of(SensitivityJob.Status.QUEUED, SensitivityJob.Status.RUNNING)).executeUpdate();
        em.refresh(job);
        if (n == 1) {
            cancelled.add(jobId); // stops this instance's computation at once; another instance's stops at its next heartbeat
            audit.record("SensitivityJob", jobId, "CANCEL", Map.of("status", before), Map.of("status", job.status.name()));
        } else if (job.status != SensitivityJob.Status.CANCELLED) {
            throw ApiException.conflict("Job " + jobId + " has ended (" + job.status + ") and cannot be cancelled");
        }
        return view(job);
    }

    public JobView job(long id) {
        return view(find(id));
    }

    SensitivityJob find(long id) {
        return SensitivityJob.<SensitivityJob>findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Job", id));
    }

    JobView view(SensitivityJob j) {
        double percent = j.replications == 0 ? 0 : Math.round(1000.0 * j.done / j.replications) / 10.0;
        return new JobView(j.id, j.runId, j.status.name(), j.replications, j.done, percent, runs.read(j.config, Object.class),
                j.result == null ? null : runs.read(j.result, Object.class), j.error, j.createdAt, j.startedAt, j.attempts, j.finishedAt);
    }
}
