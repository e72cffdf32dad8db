package cn.sc.countyeconomy.assessment;

import cn.sc.countyeconomy.registry.client.RegistryCategoryAssignment;
import cn.sc.countyeconomy.registry.client.RegistryCopy;
import cn.sc.countyeconomy.registry.client.RegistryCounty;
import cn.sc.countyeconomy.registry.client.RegistryDesignation;
import cn.sc.countyeconomy.registry.client.RegistryFeedPage;
import cn.sc.countyeconomy.registry.client.RegistryFollower;
import cn.sc.countyeconomy.registry.client.testing.RegistryStub;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * county-registry-client's local copy of the registry facts in this service's PostgreSQL (schema
 * registry_copy), followed from a change feed played by the registry stub: the full load, each kind
 * of event, the stored cursor, a full load again when the registry does not know the cursor, serving
 * while the registry is down, and two followers on one database applying a page once.
 */
@QuarkusTest
@TestProfile(AssessmentTestProfile.class)
class RegistryCopyTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    @Inject
    RegistryCopy copy;
    @Inject
    RegistryFollower follower;
    @Inject
    AgroalDataSource ds;
    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void registry() {
        SichuanRegistry.state(); // the stub's facts, loaded into the copy (a full load)
    }

    @AfterEach
    void breakersClosed() {
        breakers.resetAll();
    }

    static RegistryFeedPage.Event event(long sequence, String type, String id, String action, Map<String, Object> payload) {
        return new RegistryFeedPage.Event(sequence, Instant.parse("2026-06-30T02:00:00Z"), type, id, action, null, RegistryStub.JSON.valueToTree(payload));
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** The feed answers these events after {@code after}, and nothing after the last of them. */
    static void feed(long after, List<RegistryFeedPage.Event> events, long head) {
        long last = events.isEmpty() ? after : events.get(events.size() - 1).sequence();
        RegistryStub.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/v1/changes")).withQueryParam("after", WireMock.equalTo(Long.toString(after)))
                .atPriority(1).willReturn(RegistryStub.json(200, new RegistryFeedPage(events, last, false, head))));
    }

    @Test
    void theFullLoadHoldsTheRegistrysFacts() {
        assertTrue(copy.cursor().isPresent());
        assertEquals(183, copy.countiesOn(TODAY).size());
        RegistryCounty hejiang = copy.county("510522", TODAY).orElseThrow();
        assertEquals("合江县", hejiang.name());
        assertEquals("泸州市", hejiang.prefectureName());
        assertTrue(copy.county("999999", TODAY).isEmpty());
        assertEquals(183, copy.categories(2024).size());
        assertEquals(0, copy.categories(2019).size());
    }

    @Test
    void eachKindOfEventIsAppliedAndTheCursorIsStored() throws Exception {
        long h = copy.cursor().getAsLong();
        RegistryCategoryAssignment jinjiang = copy.categories(2026).stream().filter(a -> a.countyCode().equals("510104")).findFirst().orElseThrow();
        List<RegistryFeedPage.Event> events = List.of(
                event(h + 1, "COUNTY", "510522", "UPDATED", map("code", "510522", "name", "合江新县", "type", "COUNTY", "prefectureCode", "510500",
                        "validFrom", "2026-01-01", "validTo", null, "version", 0)),
                event(h + 2, "COUNTY", "510104", "RETIRED", map("code", "510104", "name", "锦江区", "type", "DISTRICT", "prefectureCode", "510100",
                        "validFrom", "1983-01-01", "validTo", "2026-03-01", "version", 1)),
                event(h + 3, "COUNTY", "510199", "CREATED", map("code", "510199", "name", "锦江新区", "type", "DISTRICT", "prefectureCode", "510100",
                        "validFrom", "2026-03-01", "validTo", null, "version", 0)),
                event(h + 4, "CATEGORY_ASSIGNMENT", "90001", "CREATED", map("id", 90001, "countyCode", "510199", "year", 2026, "categoryCode",
                        RegistryCategoryAssignment.CITY_CORE_DISTRICT, "source", "test", "endedOn", null, "version", 0)),
                event(h + 5, "CATEGORY_ASSIGNMENT", jinjiang.id().toString(), "ENDED", map("id", jinjiang.id(), "countyCode", "510104", "year", 2026,
                        "categoryCode", jinjiang.categoryCode(), "source", "test stub", "endedOn", "2026-03-01", "version", 1)),
                event(h + 6, "DESIGNATION", "7001", "CREATED", map("id", 7001, "typeCode", RegistryDesignation.UNDERDEVELOPED_COUNTY, "countyCode",
                        "510522", "validFrom", "2020-01-01", "validTo", null, "evidenceStatus", "VERIFIED", "source", "registry:manual", "version", 0)),
                event(h + 7, "DESIGNATION", "7001", "ENDED", map("id", 7001, "typeCode", RegistryDesignation.UNDERDEVELOPED_COUNTY, "countyCode",
                        "510522", "validFrom", "2020-01-01", "validTo", "2026-06-01", "evidenceStatus", "VERIFIED", "source", "registry:manual",
                        "version", 1)),
                event(h + 8, "PREFECTURE", "510500", "CORRECTED", map("code", "510500", "name", "泸州新市", "validFrom", "1983-01-01", "validTo", null)));
        feed(h, events, h + 8);
        feed(h + 8, List.of(), h + 8);

        RegistryFollower.SyncResult r = follower.sync();
        assertFalse(r.fullLoad());
        assertEquals(8, r.eventsApplied());
        assertEquals(h + 8, copy.cursor().getAsLong());
        // COUNTY UPDATED: a new version from its date, the old one ended then; PREFECTURE CORRECTED: the new name
        RegistryCounty before = copy.county("510522", LocalDate.of(2025, 12, 31)).orElseThrow();
        assertEquals("合江县", before.name());
        assertEquals(LocalDate.of(2026, 1, 1), before.validTo());
        RegistryCounty after = copy.county("510522", TODAY).orElseThrow();
        assertEquals("合江新县", after.name());
        assertEquals("泸州新市", after.prefectureName());
        // COUNTY RETIRED and CREATED (a recode)
        assertEquals(RegistryCounty.RETIRED, copy.county("510104", TODAY).orElseThrow().status());
        assertEquals(RegistryCounty.ACTIVE, copy.county("510104", LocalDate.of(2026, 2, 28)).orElseThrow().status());
        List<String> today = copy.countiesOn(TODAY).stream().map(RegistryCounty::code).toList();
        assertTrue(today.contains("510199"));
        assertFalse(today.contains("510104"));
        assertEquals(183, today.size());
        // CATEGORY_ASSIGNMENT CREATED and ENDED
        List<RegistryCategoryAssignment> y2026 = copy.categories(2026);
        assertTrue(y2026.stream().anyMatch(a -> a.countyCode().equals("510199") && a.categoryCode().equals(RegistryCategoryAssignment.CITY_CORE_DISTRICT)
                && a.countyName().equals("锦江新区")));
        assertFalse(y2026.stream().anyMatch(a -> a.countyCode().equals("510104")));
        // DESIGNATION CREATED and ENDED
        assertEquals(List.of("510522"), copy.designations(RegistryDesignation.UNDERDEVELOPED_COUNTY, LocalDate.of(2026, 5, 31), null).stream()
                .map(RegistryDesignation::countyCode).toList());
        assertEquals(List.of(), copy.designations(RegistryDesignation.UNDERDEVELOPED_COUNTY, TODAY, null));
        assertEquals(LocalDate.of(2026, 6, 1), copy.designations(RegistryDesignation.UNDERDEVELOPED_COUNTY, null, "510522").get(0).validTo());

        // the cursor lives in the database, not in the follower: the next round (of this or a restarted replica) asks after it
        RegistryFollower.SyncResult next = follower.sync();
        assertEquals(0, next.eventsApplied());
        assertFalse(next.fullLoad());
        RegistryStub.server().verify(WireMock.getRequestedFor(WireMock.urlPathEqualTo("/api/v1/changes"))
                .withQueryParam("after", WireMock.equalTo(Long.toString(h + 8))));
    }

    @Test
    void aCursorTheRegistryNeverGaveOutLoadsTheCopyAgain() throws Exception {
        long h = copy.cursor().getAsLong();
        long restored = h - 500; // the registry's database was restored from an older backup: its head is below our cursor
        feed(h, List.of(), restored);
        feed(0, List.of(), restored);
        feed(restored, List.of(), restored);
        List<RegistryCounty> two = List.of(RegistryStub.sichuan("510104"), RegistryStub.sichuan("510522"));
        RegistryStub.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/v1/county-versions")).atPriority(1)
                .willReturn(RegistryStub.json(200, RegistryStub.page(RegistryStub.versions(two)))));

        RegistryFollower.SyncResult r = follower.sync();
        assertTrue(r.fullLoad());
        assertEquals(restored, copy.cursor().getAsLong());
        assertEquals(List.of("510104", "510522"), copy.countiesOn(TODAY).stream().map(RegistryCounty::code).toList());
    }

    @Test
    void whileTheRegistryIsDownTheCopyServesAndTheFollowerRetriesQuietly() {
        long h = copy.cursor().getAsLong();
        RegistryStub.down();
        follower.poll(); // no exception
        assertThrows(RuntimeException.class, () -> follower.sync());
        assertFalse(follower.reachable());
        assertEquals(h, copy.cursor().getAsLong());
        assertEquals(183, copy.countiesOn(TODAY).size());
        assertEquals(183, copy.categories(2026).size());
    }

    /**
     * Two replicas read the same page after the same cursor; the test holds the copy's advisory lock
     * until both wait for it, then lets them go: one applies the page, the other finds the cursor
     * moved and applies nothing.
     */
    @Test
    void twoFollowersOnOneDatabaseApplyAPageOnce() throws Exception {
        long h = copy.cursor().getAsLong();
        RegistryFeedPage page = new RegistryFeedPage(List.of(event(h + 1, "DESIGNATION", "7101", "CREATED", map("id", 7101, "typeCode",
                RegistryDesignation.UNDERDEVELOPED_COUNTY, "countyCode", "510522", "validFrom", "2020-01-01", "validTo", null, "version", 0))),
                h + 1, false, h + 1);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        List<Future<Boolean>> applied = new ArrayList<>();
        try (Connection holder = ds.getConnection(); Statement s = holder.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + RegistryCopy.LOCK_KEY + ")");
            applied.add(replicas.submit(() -> follower.apply(h, page)));
            applied.add(replicas.submit(() -> follower.apply(h, page)));
            for (int i = 0; waiting(s) < 2; i++) {
                assertTrue(i < 600, "both replicas wait for the copy's lock");
                Thread.sleep(50);
            }
            s.execute("SELECT pg_advisory_unlock(" + RegistryCopy.LOCK_KEY + ")");
            boolean first = applied.get(0).get(30, TimeUnit.SECONDS);
            boolean second = applied.get(1).get(30, TimeUnit.SECONDS);
            assertNotEquals(first, second, "exactly one of them applies the page");
        } finally {
            replicas.shutdownNow();
        }
        assertEquals(h + 1, copy.cursor().getAsLong());
        assertEquals(1, copy.designations(RegistryDesignation.UNDERDEVELOPED_COUNTY, null, "510522").size());
    }

    private static int waiting(Statement s) throws Exception {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
