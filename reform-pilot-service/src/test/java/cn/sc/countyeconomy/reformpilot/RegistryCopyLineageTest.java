package cn.sc.countyeconomy.reformpilot;

import cn.sc.countyeconomy.registry.client.RegistryCopy;
import cn.sc.countyeconomy.registry.client.RegistryCounty;
import cn.sc.countyeconomy.registry.client.RegistryDivisionChange;
import cn.sc.countyeconomy.registry.client.RegistryFeedPage;
import cn.sc.countyeconomy.registry.client.RegistryFollower;
import cn.sc.countyeconomy.registry.client.testing.RegistryStub;
import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
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
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lineage in county-registry-client's local copy (table registry_copy.lineage), which this service's
 * nominations and replications read when a code was retired: from the full load (the registry's division
 * changes) and from the COUNTY events of each kind of division change in the feed, honouring dates.
 */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class RegistryCopyLineageTest {

    static final LocalDate CHANGED = LocalDate.of(2026, 3, 1);
    static final LocalDate BEFORE = CHANGED.minusDays(1);
    static final LocalDate AFTER = LocalDate.of(2026, 6, 30);

    @Inject
    RegistryCopy copy;
    @Inject
    RegistryFollower follower;
    @Inject
    CircuitBreakerMaintenance breakers;
    @Inject
    AgroalDataSource ds;

    @BeforeEach
    void registry() {
        RegistryStub.reset(); // the 183 counties, no division changes, loaded into the copy
    }

    @AfterEach
    void breakersClosed() {
        breakers.resetAll();
    }

    @Test
    void theFullLoadTakesTheLineageFromTheRegistrysDivisionChanges() throws Exception {
        RegistryStub.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/v1/division-changes")).atPriority(1)
                .willReturn(RegistryStub.json(200, RegistryStub.page(List.of(
                        new RegistryDivisionChange(1, "UPGRADE", LocalDate.of(2021, 1, 1), List.of("513425"), List.of("513402")),
                        new RegistryDivisionChange(2, "MERGE", CHANGED, List.of("510104", "510105"), List.of("510104")),
                        new RegistryDivisionChange(3, "SPLIT", CHANGED, List.of("510106"), List.of("510106", "510196", "510197")))))));
        assertTrue(follower.resync().fullLoad());

        assertEquals(List.of("513402"), codes(copy.successors("513425", AFTER)));
        assertEquals("会理市", copy.successors("513425", AFTER).get(0).name());
        assertEquals(List.of("513425"), codes(copy.predecessors("513402", AFTER)));
        // a merge into one of its sources: the continuing code succeeds the others, not itself
        assertEquals(List.of("510104"), codes(copy.successors("510105", AFTER)));
        assertEquals(List.of(), codes(copy.successors("510104", AFTER)));
        assertEquals(List.of("510105"), codes(copy.predecessors("510104", AFTER)));
        // a split keeping the code
        assertEquals(List.of("510196", "510197"), codes(copy.successors("510106", AFTER)));
        // as of a date before the changes there is no lineage yet
        assertEquals(List.of(), codes(copy.successors("510106", BEFORE)));
        assertEquals(List.of(), codes(copy.predecessors("510104", BEFORE)));
        assertEquals(List.of(), codes(copy.successors("513425", LocalDate.of(2020, 12, 31))));
    }

    @Test
    void eachKindOfDivisionChangeInTheFeedExtendsTheLineage() throws Exception {
        long h = copy.cursor().getAsLong();
        List<RegistryFeedPage.Event> events = List.of(
                // RECODE 510522 -> 510599
                county(h + 1, "RETIRED", "510522", "合江县", LocalDate.of(1983, 1, 1), CHANGED, 9001, "RECODE", List.of("510522"), List.of("510599")),
                county(h + 2, "CREATED", "510599", "合江县", CHANGED, null, 9001, "RECODE", List.of("510522"), List.of("510599")),
                // MERGE 510104 + 510105 -> 510198 (a new code)
                county(h + 3, "RETIRED", "510104", "锦江区", LocalDate.of(1983, 1, 1), CHANGED, 9002, "MERGE", List.of("510104", "510105"),
                        List.of("510198")),
                county(h + 4, "RETIRED", "510105", "青羊区", LocalDate.of(1983, 1, 1), CHANGED, 9002, "MERGE", List.of("510104", "510105"),
                        List.of("510198")),
                county(h + 5, "CREATED", "510198", "锦青区", CHANGED, null, 9002, "MERGE", List.of("510104", "510105"), List.of("510198")),
                // SPLIT keeping the code: 510106 continues, 510197 is new
                county(h + 6, "UPDATED", "510106", "金牛区", CHANGED, null, 9003, "SPLIT", List.of("510106"), List.of("510106", "510197")),
                county(h + 7, "CREATED", "510197", "金牛新区", CHANGED, null, 9003, "SPLIT", List.of("510106"), List.of("510106", "510197")));
        RegistryStub.feed(h, events, h + 7);
        RegistryStub.feed(h + 7, List.of(), h + 7);

        RegistryFollower.SyncResult r = follower.sync();
        assertFalse(r.fullLoad());
        assertEquals(7, r.eventsApplied());

        // recode
        assertEquals(List.of("510599"), codes(copy.successors("510522", CHANGED)));
        assertEquals(List.of(), codes(copy.successors("510522", BEFORE)));
        assertEquals(List.of("510522"), codes(copy.predecessors("510599", AFTER)));
        RegistryCounty retired = copy.county("510522", AFTER).orElseThrow();
        assertEquals(RegistryCounty.RETIRED, retired.status());
        assertEquals(List.of(new RegistryCounty.CodeName("510599", "合江县")), retired.successors());
        assertEquals(List.of(), copy.county("510522", BEFORE).orElseThrow().successors());
        // merge: each source once (its two events carry the same edges), each succeeded by the new code
        assertEquals(List.of("510104", "510105"), codes(copy.predecessors("510198", AFTER)));
        assertEquals(List.of("510198"), codes(copy.successors("510104", AFTER)));
        assertEquals(List.of("510198"), codes(copy.successors("510105", AFTER)));
        // split keeping the code: no successor of itself
        assertEquals(List.of("510197"), codes(copy.successors("510106", AFTER)));
        assertEquals(List.of("510106"), codes(copy.predecessors("510197", AFTER)));
        assertEquals(RegistryCounty.ACTIVE, copy.county("510106", AFTER).orElseThrow().status());
    }

    /**
     * A copy loaded before the lineage existed: migration 2 of the copy's tables marks it, and the follower's next
     * round loads it again (reads go on from the copy meanwhile); the round after that follows the feed.
     */
    @Test
    void aCopyLoadedBeforeTheLineageTableIsLoadedAgainAtItsNextRound() throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE registry_copy.feed_cursor SET full_load_due = true"); // as migration 2 leaves an older copy
        }
        RegistryStub.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/v1/division-changes")).atPriority(1)
                .willReturn(RegistryStub.json(200, RegistryStub.page(List.of(
                        new RegistryDivisionChange(1, "UPGRADE", LocalDate.of(2021, 1, 1), List.of("513425"), List.of("513402")))))));
        assertEquals(183, copy.countiesOn(AFTER).size());

        assertTrue(follower.sync().fullLoad());
        assertEquals(List.of("513402"), codes(copy.successors("513425", AFTER)));
        assertFalse(follower.sync().fullLoad());
    }

    private static List<String> codes(List<RegistryCounty.CodeName> lineage) {
        return lineage.stream().map(RegistryCounty.CodeName::code).toList();
    }

    /** A COUNTY event of a division change, as the registry's feed carries it (the payload names the whole change). */
    private static RegistryFeedPage.Event county(long sequence, String action, String code, String name, LocalDate validFrom, LocalDate validTo,
            long changeId, String kind, List<String> from, List<String> to) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", code);
        p.put("name", name);
        p.put("level", "COUNTY");
        p.put("type", "COUNTY");
        p.put("prefectureCode", code.substring(0, 4) + "00");
        p.put("validFrom", validFrom.toString());
        p.put("validTo", validTo == null ? null : validTo.toString());
        p.put("version", 0);
        p.put("changeId", changeId);
        p.put("changeKind", kind);
        p.put("fromCodes", from);
        p.put("toCodes", to);
        return new RegistryFeedPage.Event(sequence, Instant.parse("2026-06-30T02:00:00Z"), "COUNTY", code, action, CHANGED,
                RegistryStub.JSON.valueToTree(p));
    }
}
