package cn.sc.countyeconomy.reformpilot;

import cn.sc.countyeconomy.api.outbox.OutboxRelay;
import cn.sc.countyeconomy.api.outbox.RelayRun;
import cn.sc.countyeconomy.api.testing.TestClock;
import cn.sc.countyeconomy.registry.client.RegistryDesignation;
import cn.sc.countyeconomy.registry.client.testing.RegistryStub;
import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The transactional outbox of the registry writes: a transition commits without the registry, the
 * relay sends the write afterwards with its fixed Idempotency-Key, retries after a backoff, and the
 * pilot shows PENDING, SYNCED or FAILED; the reconciliation finds and repairs drift. The relay and the
 * reconciliation are triggered by the tests (their schedule is off in tests), and time moves only with
 * the test clock.
 */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class RegistrySyncTest extends ApiTest {

    @Inject
    OutboxRelay outboxRelay;

    private List<ServeEvent> designationPosts() {
        return registry.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals("POST") && e.getRequest().getUrl().equals("/api/v1/designations"))
                .toList();
    }

    @Test
    void registryDownAtApprovalIsPendingThenSyncedOnceItIsBackWithOneFixedKey() {
        long id = nominate(newProgram(), "511011");
        StubMapping outage = RegistryStub.down();
        transitionRaw(id, "APPROVED", "2024-02-01", APPROVER).statusCode(200);
        assertEquals("PENDING", pilot(id).getString("registrySync.state"));

        RelayRun whileDown = outboxRelay.relayDue();
        assertEquals(new RelayRun(0, 0, 1), whileDown);
        JsonPath pending = pilot(id);
        assertEquals("PENDING", pending.getString("registrySync.state"));
        assertThat(pending.getString("registrySync.detail"), containsString("last attempt"));
        assertNull(pending.get("designationId"));

        // back: the message waits out its backoff (an hour in tests), then goes
        RegistryStub.up(outage);
        CircuitBreakerMaintenance.get().resetAll();
        assertEquals(new RelayRun(0, 0, 0), outboxRelay.relayDue());
        TestClock.today(TODAY.plusDays(1));
        assertEquals(new RelayRun(1, 0, 0), outboxRelay.relayDue());

        JsonPath synced = pilot(id);
        assertEquals("SYNCED", synced.getString("registrySync.state"));
        assertNull(synced.getString("registrySync.detail"));
        // every attempt carried the same key, and the registry answered exactly one of them
        assertThat(designationPosts().stream().map(e -> e.getRequest().getHeader("Idempotency-Key")).toList(),
                everyItem(org.hamcrest.Matchers.equalTo("pilot-" + id + "-approve")));
        assertEquals(1, designationPosts().stream().filter(e -> e.getResponse().getStatus() == 201).count());
        long designation = synced.getLong("designationId");
        // nothing more goes out, however often the relay runs
        assertEquals(new RelayRun(0, 0, 0), outboxRelay.relayNow());
        assertEquals(1, designationPosts().stream().filter(e -> e.getResponse().getStatus() == 201).count());
        assertEquals(designation, pilot(id).getLong("designationId"));
    }

    @Test
    void aKeyStillInProgressAtTheRegistryIsRetriedNotFailed() {
        long id = nominate(newProgram(), "511083");
        // the registry is still answering an earlier attempt with the same key: 409 IN_PROGRESS is "later", not "no"
        StubMapping inProgress = registry.stubFor(post(urlPathEqualTo("/api/v1/designations")).atPriority(1)
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json").withHeader("Retry-After", "1")
                        .withBody("{\"status\":409,\"title\":\"Conflict\",\"detail\":\"a request with this Idempotency-Key is still"
                                + " being processed\",\"idempotencyKeyState\":\"IN_PROGRESS\"}")));
        transition(id, "APPROVED", "2024-02-01");

        assertEquals(new RelayRun(0, 0, 1), outboxRelay.relayDue());
        JsonPath pending = pilot(id);
        assertEquals("PENDING", pending.getString("registrySync.state"));
        assertNull(pending.get("designationId"));

        registry.removeStub(inProgress);
        CircuitBreakerMaintenance.get().resetAll();
        TestClock.today(TODAY.plusDays(1));
        assertEquals(new RelayRun(1, 0, 0), outboxRelay.relayDue());
        JsonPath synced = pilot(id);
        assertEquals("SYNCED", synced.getString("registrySync.state"));
        assertEquals(1, designationPosts().stream().filter(e -> e.getResponse().getStatus() == 201).count());
    }

    @Test
    void anApprovalDoesNotChangeTheETagWhenTheRelayRecordsTheDesignation() {
        long id = nominate(newProgram(), "511024");
        transition(id, "APPROVED", "2024-02-01");
        long before = version(id);
        relay();
        assertEquals(before, version(id));
        transitionRaw(id, "IMPLEMENTING", "2024-03-01", EDITOR).statusCode(200);
    }

    @Test
    void aRegistryRefusalLeavesThePilotFailedWithTheRegistrysAnswer() {
        long id = nominate(newProgram(), "511025");
        registry.stubFor(post(urlPathEqualTo("/api/v1/designations")).atPriority(1)
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":422,\"detail\":\"countyCode: county 511025 is not ACTIVE on validFrom 2024-02-01\"}")));
        transition(id, "APPROVED", "2024-02-01");

        assertEquals(1, relay().getInt("refused"));
        JsonPath failed = pilot(id);
        assertEquals("APPROVED", failed.getString("status"));
        assertEquals("FAILED", failed.getString("registrySync.state"));
        assertEquals(422, failed.getInt("registrySync.registryStatus"));
        assertThat(failed.getString("registrySync.detail"), containsString("county 511025 is not ACTIVE on validFrom 2024-02-01"));
        // refused is final: not sent again, and a later write of the pilot waits behind it
        transition(id, "WITHDRAWN", "2024-03-01");
        assertEquals(new RelayRun(0, 0, 0), outboxRelay.relayNow());
        registry.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/designations")));
        assertEquals("FAILED", pilot(id).getString("registrySync.state"));
    }

    @Test
    void reconciliationRepairsAMissingDesignationAndAMissingEndAndReportsAnOrphan() {
        long program = newProgram();
        String source = "reform-pilot:programme/" + program;
        long lost = pilotIn(program, "511102", "APPROVED");
        long accepted = pilotIn(program, "511112", "ACCEPTED");
        long unknownId = pilotIn(program, "511113", "APPROVED");
        relay();
        long acceptedDesignation = pilot(accepted).getLong("designationId");
        // what the registry holds now: nothing of "lost"; "accepted" still open (its end was lost);
        // "unknownId" under another id than the one stored here; and one designation no pilot accounts for
        RegistryStub.designations(List.of(
                RegistryStub.designation(acceptedDesignation, RegistryDesignation.REFORM_PILOT, "511112", "测试县",
                        LocalDate.of(2024, 2, 1), null, source),
                RegistryStub.designation(880001, RegistryDesignation.REFORM_PILOT, "511113", "测试县",
                        LocalDate.of(2024, 2, 1), LocalDate.of(2026, 1, 1), source),
                RegistryStub.designation(880002, RegistryDesignation.REFORM_PILOT, "511124", "测试县",
                        LocalDate.of(2023, 5, 1), null, source),
                // another programme's, listed by the stub too: not this programme's business
                RegistryStub.designation(880003, RegistryDesignation.REFORM_PILOT, "511102", "测试县",
                        LocalDate.of(2020, 7, 3), null, "reform-pilot:programme/1")));

        JsonPath report = given().header("Authorization", ADMIN).queryParam("programId", program)
                .when().post("/api/v1/registry-sync/reconciliation").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(source), report.getList("sources"));
        assertEquals(3, report.getInt("pilotsCompared"));
        assertThat(report.getList("drifts.kind"), containsInAnyOrder("MISSING_IN_REGISTRY", "END_DIFFERS", "ID_NOT_RECORDED",
                "ORPHAN_IN_REGISTRY"));
        Map<String, Object> missing = report.getMap("drifts.find { it.kind == 'MISSING_IN_REGISTRY' }");
        assertEquals(List.of("ENQUEUED", (int) lost), List.of(missing.get("action"), missing.get("pilotId")));
        Map<String, Object> end = report.getMap("drifts.find { it.kind == 'END_DIFFERS' }");
        assertEquals(List.of("ENQUEUED", (int) accepted), List.of(end.get("action"), end.get("pilotId")));
        Map<String, Object> orphan = report.getMap("drifts.find { it.kind == 'ORPHAN_IN_REGISTRY' }");
        assertEquals(List.of("REPORTED", 880002), List.of(orphan.get("action"), orphan.get("designationId")));
        assertEquals(880001, pilot(unknownId).getInt("designationId"));
        assertEquals("PENDING", pilot(lost).getString("registrySync.state"));

        // the repairs go out with the relay
        registry.resetRequests();
        relay();
        registry.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/designations"))
                .withHeader("Idempotency-Key", equalTo("pilot-" + lost + "-repair-2"))
                .withRequestBody(equalToJson("{\"countyCode\":\"511102\",\"validFrom\":\"2024-02-01\",\"validTo\":\"2026-01-01\",\"source\":\""
                        + source + "\"}", true, true)));
        registry.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/designations/" + acceptedDesignation + "/end"))
                .withRequestBody(equalToJson("{\"endDate\":\"2024-09-15\"}", true, true)));
        assertEquals("SYNCED", pilot(lost).getString("registrySync.state"));
        assertEquals("SYNCED", pilot(accepted).getString("registrySync.state"));
    }
}
