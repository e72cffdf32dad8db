package cn.sc.countyeconomy.assessment;

import cn.sc.countyeconomy.api.testing.TestClock;
import cn.sc.countyeconomy.assessment.service.SensitivityService;
import io.quarkus.arc.ClientProxy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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

    /** The configured lease (PT1M): what the second instance waits for before it takes a job over. */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "assessment.jobs.lease")
    Duration lease;

    /** Thrown in the killed instance's computing thread: from then on it writes nothing, as a process that was killed. */
    static final class Killed extends Error {

        Killed() {
            super("instance killed by the test");
        }

        Killed(Throwable cause) {
            super("instance killed by the test", cause);
        }
    }

    /**
     * A second instance of the service against the same database: a new {@link SensitivityService} object
     * (so a name of its own) with this application's collaborators and configuration copied in, whose
     * heartbeat is where the test stops it: at {@code dieAt} replications done it records that progress
     * (the last thing it writes) and then either dies ({@code pause == null}: the computing thread ends
     * without finishing) or hangs until {@code pause} is released (a process paused, e.g. by a long GC or a
     * lost network, that comes back after its lease ended).
     */
    static final class OtherInstance extends SensitivityService {

        final int dieAt;
        final CountDownLatch pause;
        final CountDownLatch stopped = new CountDownLatch(1);
        final CountDownLatch ended = new CountDownLatch(1);
        volatile boolean dead;
        volatile int stoppedAt;
        volatile Boolean heartbeatAfterPause;
        volatile Boolean finishAfterPause;

        OtherInstance(SensitivityService like, int dieAt, CountDownLatch pause) throws ReflectiveOperationException {
            this.dieAt = dieAt;
            this.pause = pause;
            Object real = ClientProxy.unwrap(like);
            for (Field f : SensitivityService.class.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !Modifier.isFinal(f.getModifiers())) {
                    f.setAccessible(true);
                    f.set(this, f.get(real));
                }
            }
        }

        @Override
        public boolean heartbeat(long jobId, int done) {
            if (dead)
                throw new Killed();
            if (done < dieAt)
                return super.heartbeat(jobId, done);
            boolean owned = super.heartbeat(jobId, done);
            stoppedAt = done;
            if (pause == null) {
                dead = true;
                stopped.countDown();
                throw new Killed();
            }
            stopped.countDown();
            try {
                pause.await();
            } catch (InterruptedException e) {
                throw new Killed(e);
            }
            // back after the pause: its next report tells it whether the job is still its own
            heartbeatAfterPause = owned && super.heartbeat(jobId, done + 1);
            return heartbeatAfterPause;
        }

        @Override
        public boolean finish(long jobId, cn.sc.countyeconomy.assessment.SensitivityJob.Status status, String result, String error) {
            if (dead)
                throw new Killed();
            finishAfterPause = super.finish(jobId, status, result, error);
            ended.countDown();
            return finishAfterPause;
        }
    }

    private JsonPath read(long id) {
        return as("reader").get("/api/v1/jobs/" + id).then().statusCode(200).extract().jsonPath();
    }

    private String ownerOf(long id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery("SELECT owner FROM sensitivity_job WHERE id = :id")
                .setParameter("id", id).getSingleResult());
    }

    private Instant leaseUntil(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Instant.ofEpochMilli(((Number) em.createNativeQuery(
                "SELECT CAST(extract(epoch FROM lease_until) * 1000 AS bigint) FROM sensitivity_job WHERE id = :id").setParameter("id", id)
                .getSingleResult()).longValue()));
    }

    /** Moves the test clock to {@code t} (no earlier than now): the time the test says, whatever the pace of the machine. */
    private void clockAt(Instant t) {
        Duration ahead = Duration.between(Instant.now(clock), t);
        TestClock.advance(ahead.isNegative() ? Duration.ZERO : ahead);
    }

    @Test
    void aJobWhoseInstanceIsKilledMidRunIsTakenOverByASecondInstanceOnceTheLeaseEnds() throws Exception {
        long id = job("QUEUED", null, null, 0);
        OtherInstance killed = new OtherInstance(jobs, 3, null);
        assertNotEquals(jobs.instance(), killed.instance());
        // the other instance starts it and is killed after its third replication
        killed.start(id);
        assertTrue(killed.stopped.await(60, TimeUnit.SECONDS), "the other instance never reached its third replication");
        JsonPath left = read(id);
        assertEquals("RUNNING", left.getString("status"));
        assertThat(killed.stoppedAt, org.hamcrest.Matchers.greaterThanOrEqualTo(3));
        assertEquals(killed.stoppedAt, left.getInt("done"), "its last heartbeat is the progress recorded");
        assertEquals(1, left.getInt("attempts"));
        assertEquals(killed.instance(), ownerOf(id));
        Instant end = leaseUntil(id);
        assertTrue(end.isAfter(Instant.now(clock)) && !end.isAfter(Instant.now(clock).plus(lease)), end + " is not within a lease from now");

        // while its lease runs, this instance leaves it alone: the owner may only be slow
        clockAt(end.minusSeconds(20));
        assertFalse(jobs.recoverAbandoned().restarted().contains(id));
        assertEquals(killed.instance(), ownerOf(id));

        // the lease ends without a heartbeat: the first recovery pass after it takes the job over
        clockAt(end.plusSeconds(1));
        SensitivityService.JobRecovery recovery = jobs.recoverAbandoned();
        assertTrue(recovery.restarted().contains(id), recovery.toString());
        JsonPath taken = RunApiTest.waitFor("/api/v1/jobs/" + id);
        assertEquals("SUCCEEDED", taken.getString("status"));
        assertEquals(2, taken.getInt("attempts"));
        assertEquals(10, taken.getInt("done"));
        assertNull(ownerOf(id));
        assertFalse(taken.getList("result").isEmpty(), "a result for the counties");
    }

    @Test
    void anInstanceKilledOnItsLastAttemptLeavesAJobTheSecondInstanceFailsOnceTheLeaseEnds() throws Exception {
        // its first attempt was already lost once: the second instance must not try a third time
        long id = job("QUEUED", null, null, 1);
        OtherInstance killed = new OtherInstance(jobs, 2, null);
        killed.start(id);
        assertTrue(killed.stopped.await(60, TimeUnit.SECONDS));
        assertEquals(2, read(id).getInt("attempts"));
        clockAt(leaseUntil(id).minusSeconds(20));
        assertFalse(jobs.recoverAbandoned().failed().contains(id));
        assertEquals("RUNNING", read(id).getString("status"));
        clockAt(leaseUntil(id).plusSeconds(1));
        SensitivityService.JobRecovery recovery = jobs.recoverAbandoned();
        assertTrue(recovery.failed().contains(id), recovery.toString());
        JsonPath failed = read(id);
        assertEquals("FAILED", failed.getString("status"));
        assertThat(failed.getString("error"), containsString(killed.instance()));
        assertThat(failed.getString("error"), containsString("after 2 attempt(s)"));
        assertNull(ownerOf(id));
    }

    @Test
    void aPausedInstanceThatComesBackAfterTheTakeoverFindsTheJobNoLongerItsOwnAndWritesNothing() throws Exception {
        long id = job("QUEUED", null, null, 0);
        CountDownLatch pause = new CountDownLatch(1);
        OtherInstance paused = new OtherInstance(jobs, 4, pause);
        paused.start(id);
        try {
            assertTrue(paused.stopped.await(60, TimeUnit.SECONDS));
            assertEquals(paused.instance(), ownerOf(id));
            clockAt(leaseUntil(id).plusSeconds(1));
            assertTrue(jobs.recoverAbandoned().restarted().contains(id));
            JsonPath taken = RunApiTest.waitFor("/api/v1/jobs/" + id);
            assertEquals("SUCCEEDED", taken.getString("status"));
            assertEquals(2, taken.getInt("attempts"));
        } finally {
            pause.countDown();
        }
        // the paused instance resumes: its heartbeat is refused, so it stops, and it records nothing
        assertTrue(paused.ended.await(60, TimeUnit.SECONDS), "the paused instance never ended its computation");
        assertEquals(Boolean.FALSE, paused.heartbeatAfterPause);
        assertEquals(Boolean.FALSE, paused.finishAfterPause);
        JsonPath after = read(id);
        assertEquals("SUCCEEDED", after.getString("status"));
        assertEquals(2, after.getInt("attempts"));
        assertEquals(10, after.getInt("done"));
        assertNotNull(after.get("result"));
    }

    /** A RUNNING row of the dead instance would be found by later recovery passes of other tests: it is cancelled here. */
    private void cleanUp(long id) {
        as("editor").post("/api/v1/jobs/" + id + "/cancel").then().statusCode(200);
    }
}
