package cn.sc.countyeconomy.system;

import cn.sc.countyeconomy.api.testing.TestTokens;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15, the scaled layout: two replicas of each of the four services, each pair on one database, behind HAProxy
 * with the configuration of {@code deploy/local/run.sh --replicas} (deploy/local/haproxy.cfg and one section per
 * service, as run.sh writes it); the services call each other through the balancer. Through it, and through single
 * replicas where the check needs to choose one:
 * <ol>
 * <li>a write through one replica is read through the other and through the balancer (no replica keeps a view of its
 * own);</li>
 * <li>a create replayed with the same Idempotency-Key on the other replica gets the first answer and writes no
 * second row;</li>
 * <li>a registry change reaches the registry-fact copy of every replica of assessment and assistance;</li>
 * <li>one caller's rate limit (sensitivity starts) holds across assessment's two replicas: its count is in the database;</li>
 * <li>while one client per service creates (with Idempotency-Key) and reads back through the balancer, one replica of
 * each service is killed (SIGKILL), assessment's while it computes a sensitivity job. No request fails that a client
 * could not retry safely, no acknowledged write is lost or doubled, and the job is taken over by the other replica
 * once its lease ends: none is left RUNNING.</li>
 * </ol>
 * "Could retry safely", precisely: a failed request is acceptable only when (a) it may be repeated (a GET, or a create
 * with an Idempotency-Key), (b) it failed without an answer (connection closed or refused) or with 502, 503, 504, or
 * 409 with Retry-After (the idempotency key's first request still in progress), and (c) repeating it unchanged
 * succeeds within 30 s. Any other failure (a 500, another 4xx, a retry that never succeeds) is a violation. Creates
 * without a key are not in the client loop: after they were sent, HAProxy does not retry them (disable-l7-retry), so
 * one in flight at the kill is answered 502 and its client cannot know whether it happened (that is what keys are
 * for).
 *
 * <p>The eight start at once, so the two replicas of a service migrate and seed one empty database together (before
 * assessment's framework seed took an advisory lock, its second replica died on the first one's indicators).
 *
 * <p>Skipped only when haproxy is not installed (.ci/run installs it). Assessment's job lease is 5 s here
 * (production: 1 min) and its recovery runs every second; the copies follow the feed every second.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaledLayoutTest {

    private static final String TOKEN = TestTokens.bearer("admin", "editor", "approver", "reader");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path LOGS = Path.of("target/system-logs");
    private static final int REPLICAS = 2;
    /**
     * The most a job may have (10,000): about 1 ms each on this machine, so assessment is still computing when it is killed
     * once it has reported progress (4,000 were done within 3.5 s on a quiet run).
     */
    private static final int REPLICATIONS = 10000;
    private static final String REGISTRY = "county-registry-service";
    private static final String ASSESSMENT = "assessment-service";
    private static final String ASSISTANCE = "assistance-service";
    private static final String REFORM_PILOT = "reform-pilot-service";
    private static final List<String> MODULES = List.of(REGISTRY, ASSESSMENT, ASSISTANCE, REFORM_PILOT);

    private static final Map<String, List<ServiceProcess>> RUNNING = new LinkedHashMap<>();
    private static final Map<String, Integer> BALANCER = new LinkedHashMap<>();
    private static final Map<String, String> DATABASE = new LinkedHashMap<>();
    private static final Map<String, Writer> WRITERS = new LinkedHashMap<>();
    private static Process haproxy;
    private static int statsPort;
    private static long startedMs;

    /** How a service is written to in these checks: a create and the table and column where its unique tag lands. */
    private record Writer(String module, String path, Function<String, String> body, String table, String column) {
    }

    @BeforeAll
    static void startTwoReplicasOfEachBehindHaproxy() throws Exception {
        Optional<Path> bin = haproxyBinary();
        Assumptions.assumeTrue(bin.isPresent(), "haproxy is not installed (Debian: apt-get install haproxy; .ci/run installs it): "
                + "the scaled layout is not tested on this machine");
        long t0 = System.nanoTime();
        for (String m : MODULES) {
            BALANCER.put(m, freePort());
        }
        statsPort = freePort();
        List<String> jvm = List.of("@" + ROOT.resolve("deploy/jvm/service.options"), "-Xmx256m");
        for (String m : MODULES) {
            Map<String, String> env = Suite.env(m, "scaled_" + m.replace("-service", "").replace('-', '_'));
            DATABASE.put(m, env.get("QUARKUS_DATASOURCE_JDBC_URL"));
            env.put("REGISTRY_URL", balancer(REGISTRY));
            env.put("ASSISTANCE_URL", balancer(ASSISTANCE));
            env.put("REFORM_PILOT_URL", balancer(REFORM_PILOT));
            env.put("REGISTRY_FOLLOW_INTERVAL", "1s");
            env.put("ASSESSMENT_JOBS_LEASE", "PT5S");
            env.put("ASSESSMENT_JOBS_RECOVER_EVERY", "1s");
            // the sensitivity starts' limit over an hour (4 per caller, as in production over a minute), so that the
            // check of the limit across replicas cannot straddle a window that ends while it runs
            env.put("API_RATE_LIMITS__SENSITIVITY_START__WINDOW", "PT1H");
            env.put("MALLOC_ARENA_MAX", "2");
            // the synthetic demo data gives the run of the last check its categories and values
            env.put("API_DEMO_DATA_ENABLED", "true");
            List<ServiceProcess> replicas = new ArrayList<>();
            for (int i = 1; i <= REPLICAS; i++) {
                // all eight start at once: the registry's followers wait for it through the balancer
                replicas.add(ServiceProcess.launch(m, "scaled-" + m + "-" + i, env, jvm));
            }
            RUNNING.put(m, replicas);
        }
        haproxy = startHaproxy(bin.get());
        for (List<ServiceProcess> replicas : RUNNING.values()) {
            for (ServiceProcess s : replicas) {
                s.awaitReady(Duration.ofSeconds(240));
            }
        }
        awaitBalancerSeesAllUp(Duration.ofSeconds(30));
        startedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        System.out.println("ScaledLayoutTest: 8 replicas and HAProxy ready in " + startedMs + " ms");

        String pilotId = JsonPath.from(send(get(balancer(REFORM_PILOT) + "/api/v1/pilots?size=1")).body()).getString("items[0].id");
        WRITERS.put(REGISTRY, new Writer(REGISTRY, "/api/v1/designation-types",
                t -> "{\"code\":\"" + t + "\",\"name\":\"扩展测试" + t + "\",\"nameEn\":\"Scaled test " + t + "\"}", "designation_type", "code"));
        WRITERS.put(ASSESSMENT, new Writer(ASSESSMENT, "/api/v1/indicators",
                t -> "{\"code\":\"" + t + "\",\"name\":\"扩展测试指标" + t + "\",\"nameEn\":\"Scaled test " + t
                        + "\",\"unit\":\"%\",\"area\":\"ECONOMIC_DEVELOPMENT\",\"direction\":\"HIGHER_IS_BETTER\",\"source\":\"system test\"}",
                "indicator", "code"));
        WRITERS.put(ASSISTANCE, new Writer(ASSISTANCE, "/api/v1/organisations",
                t -> "{\"name\":\"扩展测试单位" + t + "\",\"kind\":\"PROVINCIAL_DEPARTMENT\"}", "assisting_organisation", "name"));
        WRITERS.put(REFORM_PILOT, new Writer(REFORM_PILOT, "/api/v1/experiences",
                t -> "{\"pilotId\":" + pilotId + ",\"title\":\"扩展测试经验" + t + "\",\"description\":\"系统测试：两个副本\"}", "experience", "title"));
    }

    @AfterAll
    static void stopThem() {
        RUNNING.values().stream().flatMap(List::stream).parallel().forEach(ServiceProcess::stop);
        if (haproxy != null) {
            haproxy.destroy();
            try {
                if (!haproxy.waitFor(10, TimeUnit.SECONDS)) {
                    haproxy.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                haproxy.destroyForcibly();
            }
        }
    }

    @Test
    @Order(1)
    void aWriteThroughOneReplicaIsReadThroughTheOtherAndThroughTheBalancer() {
        for (Writer w : WRITERS.values()) {
            String tag = "SCALED_RAW_" + w.module().length();
            HttpResponse<String> created = send(post(replica(w.module(), 0) + w.path(), w.body().apply(tag), null));
            assertEquals(201, created.statusCode(), w.module() + ": " + created.body());
            String path = URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
            HttpResponse<String> other = send(get(replica(w.module(), 1) + path));
            assertEquals(200, other.statusCode(), w.module() + ": the other replica reads " + path);
            assertTrue(other.body().contains(tag), other.body());
            for (int i = 0; i < 2 * REPLICAS; i++) {
                HttpResponse<String> through = send(get(balancer(w.module()) + path));
                assertEquals(200, through.statusCode(), w.module() + ": read " + i + " through the balancer");
                assertTrue(through.body().contains(tag), through.body());
            }
        }
    }

    @Test
    @Order(2)
    void anIdempotentCreateReplayedOnTheOtherReplicaGetsTheFirstAnswerAndNoSecondRow() throws SQLException {
        for (Writer w : WRITERS.values()) {
            String tag = "SCALED_KEY_" + w.module().length();
            String key = UUID.randomUUID().toString();
            HttpResponse<String> first = send(post(replica(w.module(), 0) + w.path(), w.body().apply(tag), key));
            assertEquals(201, first.statusCode(), w.module() + ": " + first.body());
            HttpResponse<String> replay = send(post(replica(w.module(), 1) + w.path(), w.body().apply(tag), key));
            assertEquals(201, replay.statusCode(), w.module() + " replayed: " + replay.body());
            assertEquals("true", replay.headers().firstValue("Idempotent-Replayed").orElse(null), w.module() + ": answered from the record");
            assertEquals(first.headers().firstValue("Location"), replay.headers().firstValue("Location"), w.module());
            assertEquals(first.body(), replay.body(), w.module());
            assertEquals(1, rows(w, tag), w.module() + ": one row for the key");
        }
    }

    @Test
    @Order(3)
    void aRegistryChangeReachesTheCopyOfEveryReplica() throws InterruptedException {
        String registry = balancer(REGISTRY);
        // categories of 2022 for the run of the last check, and the end of 马边彝族自治县 511133's designation: feed events
        loadDemoData(registry, "{\"years\":[2022]}");
        JsonPath designation = JsonPath.from(send(get(registry + "/api/v1/designations?type=UNDERDEVELOPED_COUNTY&county=511133")).body());
        HttpResponse<String> ended = send(HttpRequest.newBuilder(URI.create(registry + "/api/v1/designations/" + designation.getLong("items[0].id") + "/end"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", TOKEN).header("Content-Type", "application/json")
                .header("If-Match", "\"" + designation.getLong("items[0].version") + "\"")
                .POST(HttpRequest.BodyPublishers.ofString("{\"endDate\":\"2025-07-01\",\"reason\":\"系统测试：副本跟随变更\"}")).build());
        assertEquals(200, ended.statusCode(), ended.body());
        long head = JsonPath.from(send(get(registry + "/api/v1/changes?after=0&limit=1")).body()).getLong("headSequence");
        long since = System.nanoTime();
        Map<String, Long> reachedMs = new TreeMap<>();
        long deadline = since + TimeUnit.SECONDS.toNanos(30);
        for (String m : List.of(ASSESSMENT, ASSISTANCE)) {
            for (int i = 0; i < REPLICAS; i++) {
                String replica = replica(m, i);
                while (cursor(replica) < head) {
                    assertTrue(System.nanoTime() < deadline, m + " replica " + (i + 1) + "'s copy reached sequence " + head + " within 30 s");
                    Thread.sleep(100);
                }
                reachedMs.put(m + "-" + (i + 1), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since));
            }
        }
        System.out.println("ScaledLayoutTest: every copy at the registry's head " + head + " after (ms, polled in turn) " + reachedMs);
    }

    @Test
    @Order(4)
    void aCallersRateLimitHoldsAcrossReplicas() {
        // one caller's sensitivity starts alternate between assessment's two replicas: the fifth is refused whichever
        // replica gets it, because the count is in the database both share (on a run that does not exist, so an
        // admitted start answers 404 and none starts a job)
        String caller = "Bearer " + TestTokens.token("scaled-rate-limit", List.of(), "editor");
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> refused = null;
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(replica(ASSESSMENT, i % REPLICAS) + "/api/v1/runs/987654/sensitivity"))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", caller).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"replications\":10}")).build());
            statuses.add(r.statusCode());
            if (r.statusCode() == 429 && refused == null) {
                refused = r;
            }
        }
        assertEquals(List.of(404, 404, 404, 404, 429, 429), statuses, "starts through replicas 1, 2, 1, 2, 1, 2");
        assertTrue(refused.headers().firstValue("Retry-After").isPresent(), refused.headers().toString());
        assertTrue(refused.body().contains("too-many-requests"), refused.body());
        // another caller still has its own budget, on either replica
        assertEquals(404, send(post(replica(ASSESSMENT, 1) + "/api/v1/runs/987654/sensitivity", "{\"replications\":10}", null)).statusCode());
    }

    @Test
    @Order(5)
    void killingOneReplicaOfEachUnderLoadFailsNoRequestThatCouldNotBeRetriedLosesNoWriteAndLeavesNoJobRunning() throws Exception {
        String assessment = balancer(ASSESSMENT);
        loadDemoData(assessment, "{\"years\":[2022],\"approve\":true}");
        HttpResponse<String> run = send(post(assessment + "/api/v1/runs", "{\"year\":2022,\"schemeVersion\":1}", UUID.randomUUID().toString()));
        assertEquals(201, run.statusCode(), run.body());
        long runId = JsonPath.from(run.body()).getLong("id");

        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong killedAt = new AtomicLong();
        Map<String, Client> clients = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS.size());
        List<Future<?>> loops = new ArrayList<>();
        for (Writer w : WRITERS.values()) {
            Client c = new Client(w);
            clients.put(w.module(), c);
            loops.add(pool.submit(() -> c.loop(stop, killedAt)));
        }
        try {
            // the job starts on assessment's first replica, which is killed while it computes
            HttpResponse<String> started = send(post(replica(ASSESSMENT, 0) + "/api/v1/runs/" + runId + "/sensitivity",
                    "{\"replications\":" + REPLICATIONS + ",\"seed\":7}", UUID.randomUUID().toString()));
            assertEquals(202, started.statusCode(), started.body());
            String job = URI.create(started.headers().firstValue("Location").orElseThrow()).getPath();
            // killed once it has reported progress (every 200 replications): mid-computation, with most of it still to do
            JsonPath before = awaitJob(replica(ASSESSMENT, 1) + job, j -> !"QUEUED".equals(j.getString("status")) && j.getInt("done") > 0,
                    Duration.ofSeconds(60));
            killedAt.set(System.nanoTime());
            // assessment's first (the job's), then the others, 0.5 s apart
            for (String m : List.of(ASSESSMENT, REGISTRY, ASSISTANCE, REFORM_PILOT)) {
                RUNNING.get(m).get(0).kill();
                Thread.sleep(500);
            }
            assertEquals("RUNNING", before.getString("status"), "the job was computing when its replica was killed: " + before.prettify());
            long jobDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            JsonPath taken = awaitJob(assessment + job, j -> j.getInt("attempts") > before.getInt("attempts"), Duration.ofSeconds(60));
            long takenOverMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt.get());
            JsonPath after = awaitJob(assessment + job, j -> List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(j.getString("status")),
                    Duration.ofNanos(jobDeadline - System.nanoTime()));
            long endedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt.get());
            // the clients go on for a while after the last kill, once the balancer has taken the dead replicas out
            while (System.nanoTime() - killedAt.get() < TimeUnit.SECONDS.toNanos(10)) {
                Thread.sleep(200);
            }
            stop.set(true);
            for (Future<?> f : loops) {
                f.get(60, TimeUnit.SECONDS);
            }
            System.out.println("ScaledLayoutTest: sensitivity job " + job + " " + before.getString("status") + " at " + before.getInt("done") + "/"
                    + REPLICATIONS + " when killed; another replica started it (attempt " + taken.getInt("attempts") + ") " + takenOverMs
                    + " ms after the kill; " + after.getString("status") + " " + endedMs + " ms after it");

            Map<String, String> summary = new TreeMap<>();
            List<String> violations = new ArrayList<>();
            for (Client c : clients.values()) {
                summary.put(c.writer.module(), c.summary());
                violations.addAll(c.violations);
            }
            System.out.println("ScaledLayoutTest: clients " + summary + "; HAProxy retries and redispatches " + haproxyRetries());
            assertEquals(List.of(), violations, "requests failed in a way a client could not retry safely");
            for (Client c : clients.values()) {
                String m = c.writer.module();
                assertTrue(c.acknowledgedAfterKill.get() > 0, m + ": no create acknowledged after the kills " + c.summary());
                for (String location : c.acknowledged.values()) {
                    HttpResponse<String> read = send(get(balancer(m) + location));
                    assertEquals(200, read.statusCode(), m + ": acknowledged write " + location + " lost");
                }
                // a retried create wrote once: one row per acknowledged key, none for a key never acknowledged
                assertEquals(c.acknowledged.size(), rows(c.writer, "SCALED_LOOP_"), m + ": rows of the client's creates");
            }
            assertEquals(2, taken.getInt("attempts"), "taken over by the other replica: " + taken.prettify());
            // the lease (5 s, renewed with each progress report and at least every third of it) ended 3.3-5 s after the kill;
            // the recovery runs every second: not before the lease could have ended, and within it and a recovery interval
            // (with 14 s of room for a loaded machine)
            assertTrue(takenOverMs >= 3000 && takenOverMs <= 20_000, "taken over " + takenOverMs + " ms after the kill");
            if ("FAILED".equals(after.getString("status"))) {
                assertTrue(after.getString("error").contains("stopped without finishing"), after.prettify());
            } else {
                assertEquals("SUCCEEDED", after.getString("status"), after.prettify());
                assertEquals(REPLICATIONS, after.getInt("done"));
            }
            assertEquals(0, openJobs(), "sensitivity jobs left QUEUED or RUNNING");
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
    }

    /** One client of one service: creates with a fresh key and reads each create back, through the balancer, until stopped. */
    private static final class Client {

        final Writer writer;
        final Map<String, String> acknowledged = new ConcurrentHashMap<>();
        final List<String> violations = new CopyOnWriteArrayList<>();
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger retriedFailures = new AtomicInteger();
        final AtomicInteger acknowledgedAfterKill = new AtomicInteger();
        final Map<String, Integer> failures = new ConcurrentHashMap<>();

        Client(Writer writer) {
            this.writer = writer;
        }

        void loop(AtomicBoolean stop, AtomicLong killedAt) {
            String base = balancer(writer.module());
            for (int n = 1; !stop.get() && violations.isEmpty(); n++) {
                String tag = "SCALED_LOOP_" + n;
                String key = "scaled-" + writer.module() + "-" + n;
                HttpResponse<String> created = untilAnswered("create " + tag, () -> post(base + writer.path(), writer.body().apply(tag), key), 201);
                if (created == null) {
                    return;
                }
                String location = URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
                acknowledged.put(key, location);
                if (killedAt.get() != 0 && System.nanoTime() > killedAt.get()) {
                    acknowledgedAfterKill.incrementAndGet();
                }
                if (untilAnswered("read " + location, () -> get(base + location), 200) == null) {
                    return;
                }
            }
        }

        /**
         * Sends the request until it is answered {@code expected}; a failure a client may retry safely (no answer, 502, 503,
         * 504, 409 with Retry-After; these requests are all GETs or keyed creates) is retried for 30 s, any other is a
         * violation (null).
         */
        HttpResponse<String> untilAnswered(String what, Supplier<HttpRequest> request, int expected) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            String last = null;
            while (System.nanoTime() < deadline) {
                requests.incrementAndGet();
                String failure;
                try {
                    HttpResponse<String> r = HTTP.send(request.get(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == expected) {
                        return r;
                    }
                    boolean retriable = r.statusCode() == 502 || r.statusCode() == 503 || r.statusCode() == 504
                            || r.statusCode() == 409 && r.headers().firstValue("Retry-After").isPresent();
                    if (!retriable) {
                        violations.add(writer.module() + " " + what + ": " + r.statusCode() + " " + r.body());
                        return null;
                    }
                    failure = Integer.toString(r.statusCode());
                } catch (IOException e) {
                    // e.g. a pooled connection the balancer had closed, or the answer cut off by the kill
                    failure = e.getClass().getSimpleName() + " (" + e.getMessage() + ")";
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
                failures.merge(failure, 1, Integer::sum);
                retriedFailures.incrementAndGet();
                last = failure;
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            violations.add(writer.module() + " " + what + ": still failing after 30 s of retries (last: " + last + ")");
            return null;
        }

        String summary() {
            return requests.get() + " requests, " + acknowledged.size() + " creates acknowledged (" + acknowledgedAfterKill.get()
                    + " after the kills), " + retriedFailures.get() + " failures retried " + new TreeMap<>(failures);
        }
    }

    private static JsonPath awaitJob(String url, java.util.function.Predicate<JsonPath> until, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonPath last = null;
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = HTTP.send(get(url), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    last = JsonPath.from(r.body());
                    if (until.test(last)) {
                        return last;
                    }
                }
            } catch (IOException e) {
                // the replica polled is gone: polled again
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + url + " not as awaited within " + timeout + ": " + (last == null ? "no answer" : last.prettify()));
    }

    private static void loadDemoData(String service, String json) {
        HttpResponse<String> loaded = send(post(service + "/api/v1/demo-data", json, null));
        assertEquals(200, loaded.statusCode(), loaded.body());
    }

    private static long cursor(String replica) {
        JsonPath health = JsonPath.from(send(HttpRequest.newBuilder(URI.create(replica + "/q/health/ready")).timeout(Duration.ofSeconds(10)).build()).body());
        Object c = health.get("checks.find { it.name == 'county-registry-copy' }.data.cursor");
        assertNotNull(health.get("checks.find { it.name == 'county-registry-copy' }"), replica + " has a registry copy");
        return c == null ? -1 : ((Number) c).longValue();
    }

    private static long rows(Writer w, String tagPrefix) throws SQLException {
        try (Connection c = DriverManager.getConnection(DATABASE.get(w.module()), "postgres", "");
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM " + w.table() + " WHERE " + w.column() + " LIKE ?")) {
            s.setString(1, "%" + tagPrefix.replace("_", "\\_") + "%");
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static long openJobs() throws SQLException {
        try (Connection c = DriverManager.getConnection(DATABASE.get(ASSESSMENT), "postgres", "");
                ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM sensitivity_job WHERE status IN ('QUEUED', 'RUNNING')")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static Process startHaproxy(Path bin) throws IOException, InterruptedException {
        Path cfg = Files.createDirectories(LOGS).resolve("scaled-haproxy.cfg");
        StringBuilder b = new StringBuilder("# the replicas of ScaledLayoutTest, as deploy/local/run.sh --replicas writes them\n");
        b.append("listen stats\n    bind 127.0.0.1:").append(statsPort).append("\n    stats enable\n    stats uri /stats\n");
        for (Map.Entry<String, List<ServiceProcess>> e : RUNNING.entrySet()) {
            b.append("\nlisten ").append(e.getKey()).append("\n    bind 127.0.0.1:").append(BALANCER.get(e.getKey())).append('\n');
            b.append("    http-request disable-l7-retry if !{ method GET HEAD OPTIONS } !{ req.hdr(Idempotency-Key) -m found }\n");
            int i = 1;
            for (ServiceProcess s : e.getValue()) {
                b.append("    server r").append(i++).append(" 127.0.0.1:").append(s.port).append(" check\n");
            }
        }
        Files.writeString(cfg, b.toString(), StandardCharsets.UTF_8);
        Path base = ROOT.resolve("deploy/local/haproxy.cfg");
        Path log = LOGS.resolve("scaled-haproxy.log");
        Process check = new ProcessBuilder(bin.toString(), "-c", "-f", base.toString(), "-f", cfg.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        assertTrue(check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0, "haproxy -c refused the configuration: " + Files.readString(log));
        return new ProcessBuilder(bin.toString(), "-db", "-f", base.toString(), "-f", cfg.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** HAProxy's CSV statistics: one map per server (not FRONTEND or BACKEND), keyed by column name. */
    private static List<Map<String, String>> haproxyServers() {
        List<Map<String, String>> servers = new ArrayList<>();
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/stats;csv"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            String[] lines = r.body().split("\n");
            String[] header = lines[0].replaceFirst("^# ", "").split(",", -1);
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].split(",", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int k = 0; k < Math.min(header.length, f.length); k++) {
                    row.put(header[k], f[k]);
                }
                if (MODULES.contains(row.get("pxname")) && !List.of("FRONTEND", "BACKEND").contains(row.get("svname"))) {
                    servers.add(row);
                }
            }
        } catch (IOException e) {
            // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return servers;
    }

    private static Map<String, String> haproxyRetries() {
        Map<String, String> out = new TreeMap<>();
        for (Map<String, String> s : haproxyServers()) {
            out.put(s.get("pxname") + "/" + s.get("svname"), s.get("status") + " retries " + s.get("wretr") + " redispatches " + s.get("wredis"));
        }
        return out;
    }

    private static void awaitBalancerSeesAllUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Map<String, String>> servers = List.of();
        while (System.nanoTime() < deadline) {
            servers = haproxyServers();
            if (servers.size() == MODULES.size() * REPLICAS && servers.stream().allMatch(s -> "UP".equals(s.get("status")))) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("HAProxy did not see the " + MODULES.size() * REPLICAS + " replicas UP within " + timeout + ": " + servers);
    }

    private static Optional<Path> haproxyBinary() {
        List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/sbin/haproxy"), Path.of("/usr/local/sbin/haproxy")));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "haproxy"));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    private static String balancer(String module) {
        return "http://127.0.0.1:" + BALANCER.get(module);
    }

    private static String replica(String module, int index) {
        return RUNNING.get(module).get(index).url();
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Authorization", TOKEN).GET().build();
    }

    private static HttpRequest post(String url, String json, String idempotencyKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header("Authorization", TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return b.build();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
