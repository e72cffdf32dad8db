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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;

/** Monte Carlo sensitivity analyses of runs, as background jobs on the managed executor. */
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

    private final Set<Long> cancelled = ConcurrentHashMap.newKeySet();

    /**
     * A thousand replications keep a core busy for minutes, so starts are rate-limited per
     * instance (default 4 a minute; key {@code cn.sc.countyeconomy.assessment.service.SensitivityService/create/RateLimit/value}):
     * past the limit the answer is 429 with Retry-After, and nothing is written.
     */
    @io.smallrye.faulttolerance.api.RateLimit(value = 4, window = 1, windowUnit = java.time.temporal.ChronoUnit.MINUTES)
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

    void execute(long jobId) {
        int claimed = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "update SensitivityJob set status = :r where id = :id and status = :q")
                .setParameter("r", SensitivityJob.Status.RUNNING).setParameter("q", SensitivityJob.Status.QUEUED)
                .setParameter("id", jobId).executeUpdate());
        if (claimed == 0) {
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
            List<Sensitivity.CountyUncertainty> result = Sensitivity.run(scheme, inputs,
                    new Sensitivity.Config(req.replications(), req.seed(), req.weightPerturbation(), req.normalisations(), req.imputations(),
                            req.treatments() == null ? List.of() : req.treatments(), List.of(1, 2)),
                    done -> {
                        if (done % step == 0 || done == req.replications()) {
                            progress(jobId, done);
                        }
                    }, () -> cancelled.contains(jobId));
            QuarkusTransaction.requiringNew().run(() -> {
                SensitivityJob job = SensitivityJob.findById(jobId);
                if (job.status != SensitivityJob.Status.RUNNING) {
                    return; // cancelled meanwhile
                }
                job.status = result == null ? SensitivityJob.Status.CANCELLED : SensitivityJob.Status.SUCCEEDED;
                job.result = result == null ? null : runs.write(result);
                job.finishedAt = Instant.now(clock);
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "sensitivity job %d failed", jobId);
            QuarkusTransaction.requiringNew().run(() -> {
                SensitivityJob job = SensitivityJob.findById(jobId);
                job.status = SensitivityJob.Status.FAILED;
                job.error = "the computation failed; see the service log for job " + jobId;
                job.finishedAt = Instant.now(clock);
            });
        } finally {
            cancelled.remove(jobId);
        }
    }

    private void progress(long jobId, int done) {
        QuarkusTransaction.requiringNew().run(() -> {
            SensitivityJob job = SensitivityJob.findById(jobId);
            if (job.status == SensitivityJob.Status.CANCELLED) {
                cancelled.add(jobId); // cancelled through another instance
            } else {
                job.done = Math.max(job.done, done); // replications finish in parallel, reports may cross
            }
        });
    }

    @Transactional
    public JobView cancel(long jobId) {
        SensitivityJob job = find(jobId);
        if (job.status == SensitivityJob.Status.QUEUED || job.status == SensitivityJob.Status.RUNNING) {
            String before = job.status.name();
            job.status = SensitivityJob.Status.CANCELLED;
            job.finishedAt = Instant.now(clock);
            cancelled.add(jobId);
            em.flush();
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
                j.result == null ? null : runs.read(j.result, Object.class), j.error, j.createdAt, j.finishedAt);
    }
}
