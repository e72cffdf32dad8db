package cn.sc.countyeconomy.registry.client.testing;

import cn.sc.countyeconomy.registry.client.RegistryCategoryAssignment;
import cn.sc.countyeconomy.registry.client.RegistryCounty;
import cn.sc.countyeconomy.registry.client.RegistryCountyVersion;
import cn.sc.countyeconomy.registry.client.RegistryDesignation;
import cn.sc.countyeconomy.registry.client.RegistryDivisionChange;
import cn.sc.countyeconomy.registry.client.RegistryFeedPage;
import cn.sc.countyeconomy.registry.client.RegistryFollower;
import cn.sc.countyeconomy.registry.client.RegistryPage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * county-registry-service played by WireMock, for the tests of the services that call it: the one
 * stub of the registry, shipped in this module's test-jar. It answers in the registry's JSON, made
 * from the client's own records ({@link RegistryCounty}, {@link RegistryDesignation},
 * {@link RegistryCategoryAssignment}), so a change of those records shows here first.
 *
 * <p>By default (after {@link #reset()}): the real 183 county-level divisions of Sichuan (a copy of
 * {@code shared/reference/sichuan/counties.csv}) ACTIVE on every date, any other 6-digit code a 404
 * problem; their shapes at {@code /api/v1/counties.geojson} (the reference shapes, thinned); no designations and no category assignments; a new designation is accepted (201, its id
 * drawn at random) and ending one answers it ended. A test states the facts it needs with
 * {@link #counties}, {@link #designations} and {@link #categories}, and the faults it needs with
 * {@link #down()}, {@link #failing(MappingBuilder)} or {@link #stopServer()}; stubs it adds itself
 * through {@link #server()} at a priority below {@value #DEFAULTS} win over the defaults.
 *
 * <p>The local copy ({@code RegistryCopy}, kept by {@code RegistryFollower}): the stub serves what its
 * full load reads ({@code /api/v1/county-versions}, {@code /category-assignments} and
 * {@code /designations} without filters, and {@code /division-changes}: none by default, else the
 * lineage of the counties stated, {@link #lineage}) and a change feed without events whose head moves each time
 * a test states facts. A service's follower therefore loads its copy again on its next round; and
 * {@link #counties}, {@link #designations}, {@link #categories} and {@link #reset()} run that round at
 * once ({@link #syncCopy()}), so that a test reads the facts it stated without waiting for a timer (the
 * test profile turns the timer off).
 *
 * <p>Init argument {@code also-plays}: comma-separated REST client names (e.g.
 * {@code assistance-service}) pointed at the same server, for a service whose tests stub another
 * neighbour there too.
 */
public class RegistryStub implements QuarkusTestResourceLifecycleManager {

    /** The priority of the default answers; a test's own stubs use a smaller number (1 wins). */
    public static final int DEFAULTS = 10;
    /** The priority of the facts a test states with counties, designations and categories. */
    public static final int FACTS = 5;

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final List<RegistryCounty> SICHUAN = readSichuan();
    /** The shapes of the 183 counties: the reference shapes thinned by tools/maps/make-stub-shapes.py. */
    private static final String SICHUAN_SHAPES = readText("sichuan-counties.geojson");
    private static volatile WireMockServer server;
    private static volatile int port;
    private static final Map<String, List<StubMapping>> FACT_STUBS = new HashMap<>();
    /** The head of the stub's change feed: moved each time facts are stated. */
    private static final AtomicLong HEAD = new AtomicLong();
    private static volatile StubMapping feed;

    private List<String> alsoPlays = List.of();

    @Override
    public void init(Map<String, String> initArgs) {
        String names = initArgs.getOrDefault("also-plays", "");
        alsoPlays = names.isBlank() ? List.of() : List.of(names.split(","));
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().globalTemplating(true));
        server.start();
        port = server.port();
        reset();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.rest-client.county-registry.url", server.baseUrl());
        for (String name : alsoPlays) {
            config.put("quarkus.rest-client." + name.trim() + ".url", server.baseUrl());
        }
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public static WireMockServer server() {
        return server;
    }

    /** Forgets every stub and request, then installs the defaults. */
    public static synchronized void reset() {
        server.resetAll();
        FACT_STUBS.clear();
        installDefaults();
        syncCopy();
    }

    /**
     * Brings the service's local copy of the registry up to the facts stated here (its follower's
     * round, run now); nothing when the application has no copy or is not running.
     */
    public static void syncCopy() {
        if (Arc.container() == null || !Arc.container().isRunning()) {
            return;
        }
        try (InstanceHandle<RegistryFollower> follower = Arc.container().instance(RegistryFollower.class)) {
            if (follower.isAvailable()) {
                follower.get().sync();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("the local registry copy could not be synced with the stub", e);
        }
    }

    /**
     * Makes the service's local copy of the registry as if it was never loaded (its cursor row deleted;
     * reads then answer 503 until the next {@link #syncCopy()} loads it again).
     */
    public static void forgetCopy() {
        try (InstanceHandle<io.agroal.api.AgroalDataSource> ds = Arc.container().instance(io.agroal.api.AgroalDataSource.class);
                java.sql.Connection c = ds.get().getConnection();
                java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM registry_copy.feed_cursor");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("the local registry copy could not be forgotten", e);
        }
    }

    /** The version rows of the full load of a copy for these counties (those not ACTIVE only with an explicit validity). */
    public static List<RegistryCountyVersion> versions(Collection<RegistryCounty> counties) {
        return counties.stream().filter(c -> c.status() == null || c.active() || c.validTo() != null)
                .map(c -> new RegistryCountyVersion(c.code(), c.name(), c.nameEn(), c.type(), c.prefectureCode(), c.prefectureName(),
                        c.validFrom() == null ? LocalDate.of(1983, 1, 1) : c.validFrom(), c.validTo(), c.version()))
                .toList();
    }

    /**
     * The division changes behind the lineage of these counties, as the full load of a copy reads them:
     * one change per edge, a county's successors from its {@code validTo} (else its {@code validFrom}),
     * its predecessors from its {@code validFrom}.
     */
    public static List<RegistryDivisionChange> lineage(Collection<RegistryCounty> counties) {
        List<RegistryDivisionChange> changes = new ArrayList<>();
        for (RegistryCounty c : counties) {
            LocalDate from = c.validFrom() == null ? LocalDate.of(1983, 1, 1) : c.validFrom();
            for (RegistryCounty.CodeName s : c.successors() == null ? List.<RegistryCounty.CodeName>of() : c.successors()) {
                changes.add(new RegistryDivisionChange(changes.size() + 1L, "RECODE", c.validTo() == null ? from : c.validTo(), List.of(c.code()),
                        List.of(s.code())));
            }
            for (RegistryCounty.CodeName p : c.predecessors() == null ? List.<RegistryCounty.CodeName>of() : c.predecessors()) {
                changes.add(new RegistryDivisionChange(changes.size() + 1L, "RECODE", from, List.of(p.code()), List.of(c.code())));
            }
        }
        return changes;
    }

    /** Facts changed: the feed's head moves past every cursor given out, so a follower loads its copy again. */
    private static void moveHead() {
        long head = HEAD.incrementAndGet() * 1000;
        StubMapping old = feed;
        feed = server.stubFor(get(urlPathEqualTo("/api/v1/changes")).atPriority(DEFAULTS).willReturn(json(200,
                "{\"events\":[],\"lastSequence\":{{#if request.query.after}}{{request.query.after}}{{else}}0{{/if}},\"hasMore\":false,"
                        + "\"headSequence\":" + head + "}")));
        if (old != null) {
            server.removeStub(old);
        }
    }

    /** The real 183 county-level divisions of Sichuan, ACTIVE, as the registry lists them. */
    public static List<RegistryCounty> sichuan() {
        return SICHUAN;
    }

    /** One of {@link #sichuan()} by code. */
    public static RegistryCounty sichuan(String code) {
        return SICHUAN.stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(code + " is not a Sichuan county-level division"));
    }

    /** A county with the given status, in the registry's shape. */
    public static RegistryCounty county(String code, String name, String prefectureCode, String prefectureName, String status) {
        return new RegistryCounty(code, name, null, "COUNTY", null, prefectureCode, prefectureName, null, null,
                LocalDate.of(1983, 1, 1), null, status, List.of(), List.of(), null, List.of(), 0);
    }

    /** A designation in the registry's shape, evidence VERIFIED, from the registry's default source. */
    public static RegistryDesignation designation(long id, String type, String countyCode, String countyName,
            LocalDate validFrom, LocalDate validTo) {
        return designation(id, type, countyCode, countyName, validFrom, validTo, "registry:manual");
    }

    /** A designation in the registry's shape, evidence VERIFIED, from a source ({@code <system>:<programme>}). */
    public static RegistryDesignation designation(long id, String type, String countyCode, String countyName,
            LocalDate validFrom, LocalDate validTo, String source) {
        return new RegistryDesignation(id, type, countyCode, countyName, validFrom, validTo, "VERIFIED", "test stub", null, source, 0);
    }

    /**
     * The registry knows these counties (replacing the list of counties and the answers for their
     * codes; codes not named keep the default answer).
     */
    public static synchronized void counties(Collection<RegistryCounty> counties) {
        List<StubMapping> stubs = replace("counties");
        stubs.add(server.stubFor(get(urlPathEqualTo("/api/v1/counties")).atPriority(FACTS).willReturn(json(200, page(counties)))));
        for (RegistryCounty c : counties) {
            stubs.add(server.stubFor(get(urlPathEqualTo("/api/v1/counties/" + c.code())).atPriority(FACTS).willReturn(json(200, c))));
        }
        stubs.add(server.stubFor(get(urlPathEqualTo("/api/v1/county-versions")).atPriority(FACTS).willReturn(json(200, page(versions(counties))))));
        stubs.add(server.stubFor(get(urlPathEqualTo("/api/v1/division-changes")).atPriority(FACTS).willReturn(json(200, page(lineage(counties))))));
        moveHead();
        syncCopy();
    }

    /**
     * The registry holds these designations (replacing those stated before): listed by type, by
     * type and county, and read by id. A county without any is answered an empty page. The stub
     * does not filter by date nor by source: the service under test does that with what it is given.
     */
    public static synchronized void designations(Collection<RegistryDesignation> designations) {
        List<StubMapping> stubs = replace("designations");
        stubs.add(server.stubFor(get(urlPathEqualTo("/api/v1/designations")).withQueryParam("type", absent()).withQueryParam("county", absent())
                .withQueryParam("asOf", absent()).withQueryParam("source", absent()).atPriority(FACTS)
                .willReturn(json(200, page(designations)))));
        Map<String, List<RegistryDesignation>> byType = designations.stream()
                .collect(Collectors.groupingBy(RegistryDesignation::typeCode, LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<RegistryDesignation>> type : byType.entrySet()) {
            stubs.add(server.stubFor(designationList(type.getKey()).withQueryParam("county", absent()).atPriority(FACTS)
                    .willReturn(json(200, page(type.getValue())))));
            Map<String, List<RegistryDesignation>> byCounty = type.getValue().stream()
                    .collect(Collectors.groupingBy(RegistryDesignation::countyCode, LinkedHashMap::new, Collectors.toList()));
            for (Map.Entry<String, List<RegistryDesignation>> county : byCounty.entrySet()) {
                stubs.add(server.stubFor(designationList(type.getKey()).withQueryParam("county", equalTo(county.getKey()))
                        .atPriority(FACTS).willReturn(json(200, page(county.getValue())))));
            }
        }
        for (RegistryDesignation d : designations) {
            if (d.id() != null) {
                stubs.add(server.stubFor(get(urlPathEqualTo("/api/v1/designations/" + d.id())).atPriority(FACTS)
                        .willReturn(json(200, d))));
            }
        }
        moveHead();
        syncCopy();
    }

    /** The registry holds these category assignments (replacing those stated before), listed by year. */
    public static synchronized void categories(Collection<RegistryCategoryAssignment> assignments) {
        List<StubMapping> stubs = replace("categories");
        Map<Integer, List<RegistryCategoryAssignment>> byYear = assignments.stream()
                .collect(Collectors.groupingBy(RegistryCategoryAssignment::year, LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<Integer, List<RegistryCategoryAssignment>> year : byYear.entrySet()) {
            stubs.add(server.stubFor(get(urlPathEqualTo("/api/v1/category-assignments"))
                    .withQueryParam("year", equalTo(Integer.toString(year.getKey()))).atPriority(FACTS)
                    .willReturn(json(200, page(year.getValue())))));
        }
        stubs.add(server.stubFor(get(urlPathEqualTo("/api/v1/category-assignments")).withQueryParam("year", absent()).atPriority(FACTS)
                .willReturn(json(200, page(assignments)))));
        moveHead();
        syncCopy();
    }

    /**
     * The change feed answers these events after {@code after} (and a head of {@code head}), over the
     * stub's own feed: for a test of the local copy that states the events a change of the registry
     * would publish. {@link #reset()} forgets it.
     */
    public static void feed(long after, List<RegistryFeedPage.Event> events, long head) {
        long last = events.isEmpty() ? after : events.get(events.size() - 1).sequence();
        server.stubFor(get(urlPathEqualTo("/api/v1/changes")).withQueryParam("after", equalTo(Long.toString(after))).atPriority(1)
                .willReturn(json(200, new RegistryFeedPage(events, last, false, head))));
    }

    /** Every call to the registry has its connection reset, until {@link #up(StubMapping)}. */
    public static StubMapping down() {
        return server.stubFor(any(anyUrl()).atPriority(1).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    /** Calls matching {@code request} have their connection reset, until {@link #up(StubMapping)}. */
    public static StubMapping failing(MappingBuilder request) {
        return server.stubFor(request.atPriority(1).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    /** Ends an outage begun with {@link #down()} or {@link #failing(MappingBuilder)}. */
    public static void up(StubMapping outage) {
        server.removeStub(outage);
    }

    /** Stops the registry: its port refuses connections until {@link #restart()}. */
    public static void stopServer() {
        server.stop();
    }

    /** Starts the registry again on the same port, with the defaults only. */
    public static synchronized void restart() {
        server = new WireMockServer(wireMockConfig().port(port).globalTemplating(true));
        server.start();
        FACT_STUBS.clear();
        installDefaults();
    }

    /** The JSON of a page holding all of {@code items}, as the registry pages its lists. */
    public static <T> RegistryPage<T> page(Collection<T> items) {
        return new RegistryPage<>(new ArrayList<>(items), 0, 500, items.size(), items.isEmpty() ? 0 : 1);
    }

    /** A JSON answer with this status and body (a record, a map, or text already JSON). */
    public static ResponseDefinitionBuilder json(int status, Object body) {
        String text;
        try {
            text = body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the stub's answer", e);
        }
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(text);
    }

    private static void installDefaults() {
        feed = null;
        moveHead();
        server.stubFor(get(urlPathEqualTo("/api/v1/county-versions")).atPriority(DEFAULTS).willReturn(json(200, page(versions(SICHUAN)))));
        server.stubFor(get(urlPathEqualTo("/api/v1/counties")).atPriority(DEFAULTS).willReturn(json(200, page(SICHUAN))));
        server.stubFor(get(urlPathEqualTo("/api/v1/division-changes")).atPriority(DEFAULTS).willReturn(json(200, page(List.of()))));
        for (RegistryCounty c : SICHUAN) {
            server.stubFor(get(urlPathEqualTo("/api/v1/counties/" + c.code())).atPriority(DEFAULTS).willReturn(json(200, c)));
        }
        server.stubFor(get(urlPathMatching("/api/v1/counties/[^/]+")).atPriority(DEFAULTS + 1)
                .willReturn(problem(404, "not-found", "No county-level division with code {{request.pathSegments.[3]}}")));
        server.stubFor(get(urlPathEqualTo("/api/v1/counties.geojson")).atPriority(DEFAULTS).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/geo+json;charset=UTF-8").withBody(SICHUAN_SHAPES)));
        server.stubFor(get(urlPathEqualTo("/api/v1/designations")).atPriority(DEFAULTS).willReturn(json(200, page(List.of()))));
        server.stubFor(get(urlPathMatching("/api/v1/designations/[0-9]+")).atPriority(DEFAULTS)
                .willReturn(problem(404, "not-found", "No designation {{request.pathSegments.[3]}}")));
        server.stubFor(get(urlPathEqualTo("/api/v1/category-assignments")).atPriority(DEFAULTS).willReturn(json(200, page(List.of()))));
        server.stubFor(post(urlPathEqualTo("/api/v1/designations")).atPriority(DEFAULTS)
                .willReturn(json(201, """
                    {"id":{{randomInt lower=100000 upper=999999}},"typeCode":"{{jsonPath request.body '$.typeCode'}}",
                     "countyCode":"{{jsonPath request.body '$.countyCode'}}","countyName":"测试县",
                     "validFrom":"{{jsonPath request.body '$.validFrom'}}",
                     "validTo":{{#if (jsonPath request.body '$.validTo')}}"{{jsonPath request.body '$.validTo'}}"{{else}}null{{/if}},
                     "evidenceStatus":"LISTED","sourceRef":"{{jsonPath request.body '$.sourceRef'}}","note":null,
                     "source":"{{#if (jsonPath request.body '$.source')}}{{jsonPath request.body '$.source'}}{{else}}registry:manual{{/if}}",
                     "version":0}""")));
        server.stubFor(post(urlPathMatching("/api/v1/designations/[0-9]+/end")).atPriority(DEFAULTS)
                .willReturn(json(200, """
                    {"id":{{request.pathSegments.[3]}},"typeCode":"REFORM_PILOT","countyCode":"510000","countyName":"测试县",
                     "validFrom":"2020-01-01","validTo":"{{jsonPath request.body '$.endDate'}}","evidenceStatus":"LISTED",
                     "sourceRef":null,"note":null,"source":"registry:manual","version":1}""")));
    }

    private static ResponseDefinitionBuilder problem(int status, String type, String detail) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"urn:problem-type:sc-county-economy:" + type + "\",\"title\":\"" + type
                        + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
    }

    private static MappingBuilder designationList(String type) {
        return get(urlPathEqualTo("/api/v1/designations")).withQueryParam("type", equalTo(type));
    }

    private static List<StubMapping> replace(String facts) {
        List<StubMapping> old = FACT_STUBS.remove(facts);
        if (old != null) {
            old.forEach(server::removeStub);
        }
        List<StubMapping> fresh = new ArrayList<>();
        FACT_STUBS.put(facts, fresh);
        return fresh;
    }

    private static String readText(String resource) {
        try (var in = RegistryStub.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<RegistryCounty> readSichuan() {
        List<RegistryCounty> counties = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                RegistryStub.class.getResourceAsStream("sichuan-counties.csv"), StandardCharsets.UTF_8))) {
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                String[] c = line.split(",");
                counties.add(county(c[0], c[1], c[2], c[3], RegistryCounty.ACTIVE));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(counties);
    }
}
