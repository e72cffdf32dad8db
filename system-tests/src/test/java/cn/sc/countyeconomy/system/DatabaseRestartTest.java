package cn.sc.countyeconomy.system;

import cn.sc.countyeconomy.api.testing.EmbeddedPostgres;
import cn.sc.countyeconomy.api.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database of all four services goes away and comes back. While it is away, a write answers
 * 503 with Retry-After (never 500); readiness is UP within 5 s of its return; and when PostgreSQL is
 * restarted ({@code pg_ctl restart -m immediate}) while one client per service creates records,
 * every create that was acknowledged (201) is found afterwards and no answer is a 500.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseRestartTest {

    private static final String TOKEN = TestTokens.bearer("admin", "editor", "approver", "reader");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final AtomicInteger N = new AtomicInteger();
    private static final List<ServiceProcess> STARTED = new ArrayList<>();
    private static final Map<String, Writer> WRITERS = new TreeMap<>();

    /** How one service is written to: the create's path and a body with a unique name for attempt n. */
    private record Writer(ServiceProcess service, String path, IntFunction<String> body) {
    }

    @BeforeAll
    static void startAllFour() throws SQLException {
        // The test cluster runs with synchronous_commit=off for speed: a commit acknowledged just before an
        // immediate shutdown may then be lost by PostgreSQL itself. Production commits durably; so do the
        // sessions of this test's services (a role setting applies to every session opened from now on).
        durableCommits(true);
        ServiceProcess registry = dedicated("county-registry-service", "restart_registry", null);
        String r = registry.url();
        WRITERS.put("county-registry-service", new Writer(registry, "/api/v1/designation-types",
                n -> "{\"code\":\"RESTART_" + n + "\",\"name\":\"重启测试" + n + "\",\"nameEn\":\"Restart test " + n + "\"}"));
        WRITERS.put("assessment-service", new Writer(dedicated("assessment-service", "restart_assessment", r), "/api/v1/indicators",
                n -> "{\"code\":\"RESTART_" + n + "\",\"name\":\"重启测试指标" + n + "\",\"nameEn\":\"Restart test " + n
                        + "\",\"unit\":\"%\",\"area\":\"ECONOMIC_DEVELOPMENT\",\"direction\":\"HIGHER_IS_BETTER\",\"source\":\"system test\"}"));
        WRITERS.put("assistance-service", new Writer(dedicated("assistance-service", "restart_assistance", r), "/api/v1/organisations",
                n -> "{\"name\":\"重启测试单位" + n + "\",\"kind\":\"PROVINCIAL_DEPARTMENT\"}"));
        WRITERS.put("reform-pilot-service", new Writer(dedicated("reform-pilot-service", "restart_reform_pilot", r), "/api/v1/programs",
                n -> "{\"code\":\"RESTART-" + n + "\",\"name\":\"重启测试计划" + n + "\",\"nameEn\":\"Restart test " + n
                        + "\",\"approvingBody\":\"system test\",\"reformAreas\":[\"MODERN_INDUSTRY\"]}"));
        for (Map.Entry<String, Writer> w : WRITERS.entrySet()) {
            HttpResponse<String> first = create(w.getValue());
            assertEquals(201, first.statusCode(), w.getKey() + " refused the test's create before any fault: " + first.body());
        }
    }

    @AfterAll
    static void stopThem() throws SQLException {
        STARTED.forEach(ServiceProcess::stop);
        durableCommits(false);
    }

    private static void durableCommits(boolean on) throws SQLException {
        EmbeddedPostgres pg = EmbeddedPostgres.shared();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), "postgres", ""); Statement s = c.createStatement()) {
            s.execute(on ? "ALTER ROLE postgres SET synchronous_commit = on" : "ALTER ROLE postgres RESET synchronous_commit");
        }
    }

    @Test
    @Order(1)
    void whileTheDatabaseIsDownAWriteIs503WithRetryAfterAndReadinessIsUpWithin5sOfItsReturn() throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.shared();
        pg.suspend();
        Map<String, Long> readyAfterMs = new TreeMap<>();
        try {
            for (Map.Entry<String, Writer> w : WRITERS.entrySet()) {
                HttpResponse<String> r = create(w.getValue());
                assertEquals(503, r.statusCode(), w.getKey() + " while the database is down: " + r.body());
                assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), w.getKey());
                assertTrue(r.headers().firstValue("Retry-After").isPresent(), w.getKey() + " answered 503 without Retry-After");
            }
        } finally {
            pg.resume();
        }
        long back = System.nanoTime();
        readyAfterMs.putAll(awaitReadiness(back));
        System.out.println("DatabaseRestartTest: readiness UP after the database's return (ms): " + readyAfterMs);
        readyAfterMs.forEach((service, ms) -> assertTrue(ms <= 5000, service + " was ready only " + ms + " ms after the database was back"));
    }

    @Test
    @Order(2)
    void restartingPostgresUnderWritesLosesNoAcknowledgedWriteAndAnswersNo500() throws Exception {
        Map<String, List<String>> acknowledged = new ConcurrentHashMap<>();
        Map<String, Map<Integer, Integer>> statuses = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(WRITERS.size());
        List<Future<?>> running = new ArrayList<>();
        for (Map.Entry<String, Writer> w : WRITERS.entrySet()) {
            List<String> locations = Collections.synchronizedList(new ArrayList<>());
            Map<Integer, Integer> counts = new ConcurrentHashMap<>();
            acknowledged.put(w.getKey(), locations);
            statuses.put(w.getKey(), counts);
            running.add(clients.submit(() -> {
                while (!stop.get()) {
                    int status;
                    try {
                        HttpResponse<String> r = create(w.getValue());
                        status = r.statusCode();
                        if (status == 201) {
                            locations.add(r.headers().firstValue("Location").orElseThrow());
                        }
                    } catch (RuntimeException e) {
                        status = -1; // no answer: not acknowledged
                    }
                    counts.merge(status, 1, Integer::sum);
                }
            }));
        }
        Thread.sleep(6000);
        EmbeddedPostgres.shared().restartImmediately();
        long back = System.nanoTime();
        Map<String, Long> readyAfterMs = awaitReadiness(back);
        Thread.sleep(8000);
        stop.set(true);
        for (Future<?> f : running) {
            f.get(30, TimeUnit.SECONDS);
        }
        clients.shutdown();

        Map<String, Integer> lost = new TreeMap<>();
        for (Map.Entry<String, List<String>> e : acknowledged.entrySet()) {
            int missing = 0;
            for (String location : e.getValue()) {
                if (get(location).statusCode() != 200) {
                    missing++;
                }
            }
            lost.put(e.getKey(), missing);
        }
        Map<String, Integer> acked = new TreeMap<>();
        acknowledged.forEach((k, v) -> acked.put(k, v.size()));
        System.out.println("DatabaseRestartTest: acknowledged " + acked + ", lost " + lost + ", statuses " + new TreeMap<>(statuses)
                + ", readiness UP after restart (ms) " + readyAfterMs);
        for (String service : WRITERS.keySet()) {
            assertTrue(acked.get(service) > 0, service + " acknowledged no write at all");
            assertEquals(0, lost.get(service), service + " lost acknowledged writes");
            assertEquals(null, statuses.get(service).get(500), service + " answered 500: " + statuses.get(service));
        }
    }

    private static ServiceProcess dedicated(String module, String db, String registryUrl) {
        ServiceProcess s = Suite.startDedicated(module, db, registryUrl);
        STARTED.add(s);
        return s;
    }

    /** Milliseconds from {@code since} until each service's readiness answers 200 (polled every 50 ms, 30 s at most). */
    private static Map<String, Long> awaitReadiness(long since) throws InterruptedException {
        Map<String, Long> result = new TreeMap<>();
        long deadline = since + TimeUnit.SECONDS.toNanos(30);
        while (result.size() < WRITERS.size() && System.nanoTime() < deadline) {
            for (Map.Entry<String, Writer> w : WRITERS.entrySet()) {
                if (!result.containsKey(w.getKey()) && ready(w.getValue().service())) {
                    result.put(w.getKey(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since));
                }
            }
            Thread.sleep(50);
        }
        WRITERS.keySet().forEach(k -> result.putIfAbsent(k, Long.MAX_VALUE));
        return result;
    }

    private static boolean ready(ServiceProcess s) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(s.url() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static HttpResponse<String> create(Writer w) {
        int n = N.incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(URI.create(w.service().url() + w.path()))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(w.body().apply(n))).build();
        return send(request);
    }

    private static HttpResponse<String> get(String location) {
        assertNotNull(location);
        return send(HttpRequest.newBuilder(URI.create(location)).timeout(Duration.ofSeconds(15)).header("Authorization", TOKEN).GET().build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
