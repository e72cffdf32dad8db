package cn.sc.countyeconomy.assessment;

import cn.sc.countyeconomy.assessment.service.SensitivityService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import static cn.sc.countyeconomy.assessment.Api.as;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Sensitivity jobs survive their instance. An instance that was killed mid-run is stood for by a job
 * row as it leaves one behind: RUNNING, owned by an instance that no longer renews its lease. This
 * instance's recovery takes it over (or fails it after too many attempts); every state change is
 * conditional, so a cancel that commits first always wins over the computing instance. The
 * interleavings are forced by calling the steps in the order each test names.
 */
@QuarkusTest
@TestProfile(AssessmentTestProfile.class)
class JobLeaseTest {

    static final String DEAD = "assessment@4242/dead0000";
    static final String CONFIG = "{\"replications\":10,\"seed\":3,\"weightPerturbation\":0.25,\"normalisations\":[],\"imputations\":[],\"treatments\":[]}";

    @Inject
    SensitivityService jobs;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    static long run;

    @BeforeEach
    void aRun() {
        SichuanRegistry.state();
        if (run == 0) {
            run = as("editor").body(Map.of("year", 2022, "schemeVersion", 1)).post("/api/v1/runs").then().statusCode(201).extract().jsonPath()
                    .getLong("id");
        }
    }

    /** A job row as an instance leaves it: status, owner, lease end relative to now, attempts. */
    long job(String status, String owner, Long leaseSecondsFromNow, int attempts) {
        Instant now = Instant.now(clock);
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("INSERT INTO sensitivity_job"
                + " (run_id, status, config, replications, created_at, created_by, owner, lease_until, attempts, started_at)"
                + " VALUES (:run, :status, CAST(:config AS jsonb), 10, :created, 'test', :owner, :lease, :attempts, :started) RETURNING id")
                .setParameter("run", run).setParameter("status", status).setParameter("config", CONFIG)
                .setParameter("created", OffsetDateTime.ofInstant(now.minusSeconds(600), ZoneOffset.UTC)).setParameter("owner", owner)
                .setParameter("lease", leaseSecondsFromNow == null ? null : OffsetDateTime.ofInstant(now.plusSeconds(leaseSecondsFromNow), ZoneOffset.UTC))
                .setParameter("attempts", attempts)
                .setParameter("started", owner == null ? null : OffsetDateTime.ofInstant(now.minusSeconds(300), ZoneOffset.UTC))
                .getSingleResult()).longValue());
    }

    @Test
    void aJobWhoseInstanceStoppedIsTakenOverOnceItsLeaseEndsAndGivesTheSameResult() throws InterruptedException {
        long alive = job("RUNNING", DEAD, 600L, 1);
        long lost = job("RUNNING", DEAD, -1L, 1);
        SensitivityService.JobRecovery recovery = jobs.recoverAbandoned();
        // a job whose owner still holds its lease is not touched, whoever owns it
        assertFalse(recovery.restarted().contains(alive));
        assertTrue(recovery.restarted().contains(lost), recovery.toString());
        JsonPath taken = RunApiTest.waitFor("/api/v1/jobs/" + lost);
        assertEquals("SUCCEEDED", taken.getString("status"));
        assertEquals(2, taken.getInt("attempts"));
        assertEquals(10, taken.getInt("done"));
        as("reader").get("/api/v1/jobs/" + alive).then().statusCode(200).body("status", equalTo("RUNNING"));

        // the same configuration started normally gives the same numbers: the takeover started from the beginning
        String fresh = as("editor").body(Map.of("replications", 10, "seed", 3)).post("/api/v1/runs/" + run + "/sensitivity").then().statusCode(202)
                .extract().header("Location");
        JsonPath normal = RunApiTest.waitFor(fresh);
        assertEquals(1, normal.getInt("attempts"));
        assertEquals(normal.getList("result"), taken.getList("result"));
        cleanUp(alive);
    }

    @Test
    void aJobWhoseInstanceStoppedTooOftenIsFailedWithTheReasonNotLeftRunning() {
        long lost = job("RUNNING", DEAD, -1L, 2);
        SensitivityService.JobRecovery recovery = jobs.recoverAbandoned();
        assertTrue(recovery.failed().contains(lost), recovery.toString());
        JsonPath failed = as("reader").get("/api/v1/jobs/" + lost).then().statusCode(200).extract().jsonPath();
        assertEquals("FAILED", failed.getString("status"));
        assertThat(failed.getString("error"), containsString(DEAD));
        assertThat(failed.getString("error"), containsString("after 2 attempt(s)"));
        assertNotNull(failed.getString("finishedAt"));
        // found once: a second pass has nothing left to do with it
        assertFalse(jobs.recoverAbandoned().failed().contains(lost));
    }

    @Test
    void aQueuedJobNoInstanceStartedIsStartedByTheRecovery() throws InterruptedException {
        long orphan = job("QUEUED", null, null, 0);
        assertTrue(jobs.recoverAbandoned().restarted().contains(orphan));
        JsonPath done = RunApiTest.waitFor("/api/v1/jobs/" + orphan);
        assertEquals("SUCCEEDED", done.getString("status"));
        assertEquals(1, done.getInt("attempts"));
    }

    @Test
    void aCancelThatCommitsFirstWinsOverTheComputingInstance() {
        long id = job("QUEUED", null, null, 0);
        // this instance claims it; a second claim (another instance, or a replayed start) does not
        assertTrue(jobs.claim(id));
        assertFalse(jobs.claim(id));
        assertTrue(jobs.heartbeat(id, 3));
        as("reader").get("/api/v1/jobs/" + id).then().statusCode(200).body("status", equalTo("RUNNING")).body("done", equalTo(3));

        // the cancel commits between two progress reports
        as("editor").post("/api/v1/jobs/" + id + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        // the computing instance's next report and its final result change nothing
        assertFalse(jobs.heartbeat(id, 7));
        assertFalse(jobs.finish(id, cn.sc.countyeconomy.assessment.SensitivityJob.Status.SUCCEEDED, "[]", null));
        as("reader").get("/api/v1/jobs/" + id).then().statusCode(200).body("status", equalTo("CANCELLED")).body("done", equalTo(3))
                .body("result", nullValue());
        // nor does a recovery pass: a cancelled job is not started again
        assertFalse(jobs.recoverAbandoned().restarted().contains(id));
        // and a job another instance owns cannot be finished by this one
        long foreign = job("RUNNING", DEAD, 600L, 1);
        assertFalse(jobs.finish(foreign, cn.sc.countyeconomy.assessment.SensitivityJob.Status.SUCCEEDED, "[]", null));
        assertFalse(jobs.heartbeat(foreign, 1));
        cleanUp(foreign);
    }

    @Test
    void cancellingAnEndedJobIs409AndCancellingTwiceAnswersTheCancelledJob() {
        long ended = job("QUEUED", null, null, 0);
        assertTrue(jobs.claim(ended));
        assertTrue(jobs.finish(ended, cn.sc.countyeconomy.assessment.SensitivityJob.Status.SUCCEEDED, "[]", null));
        as("editor").post("/api/v1/jobs/" + ended + "/cancel").then().statusCode(409)
                .body("detail", containsString("SUCCEEDED"));
        long open = job("QUEUED", null, null, 0);
        as("editor").post("/api/v1/jobs/" + open + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        as("editor").post("/api/v1/jobs/" + open + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        as("reader").post("/api/v1/jobs/" + open + "/cancel").then().statusCode(403);
    }

    /** A RUNNING row of the dead instance would be found by later recovery passes of other tests: it is cancelled here. */
    private void cleanUp(long id) {
        as("editor").post("/api/v1/jobs/" + id + "/cancel").then().statusCode(200);
    }
}
