package cn.sc.countyeconomy.assistance;

import cn.sc.countyeconomy.assistance.service.PairingsEndWithDesignation;
import cn.sc.countyeconomy.registry.client.RegistryCopy;
import cn.sc.countyeconomy.registry.client.RegistryDesignation;
import cn.sc.countyeconomy.registry.client.RegistryFactsChanged;
import cn.sc.countyeconomy.registry.client.RegistryFeedPage;
import cn.sc.countyeconomy.registry.client.RegistryFollower;
import cn.sc.countyeconomy.registry.client.testing.RegistryStub;
import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static cn.sc.countyeconomy.assistance.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Issue 18: a county that stops being designated ends its pairings on that date, through the registry's change feed
 * (here the stub's facts change and the copy is synced, which fires {@link RegistryFactsChanged}), and the coverage
 * report shows it.
 */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class PairingsEndWithDesignationTest {

    private static final String COUNTY = DesignatedCounties.ENDING;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Event<RegistryFactsChanged> facts;
    @Inject
    RegistryFollower follower;
    @Inject
    RegistryCopy copy;

    @BeforeEach
    void registryFacts() {
        DesignatedCounties.install();
    }

    @AfterEach
    void designatedAgain() {
        DesignatedCounties.restoreEnding();
    }

    private static long pairing(long org, String from, String to) {
        return as("editor").body(to == null
                ? "{\"organisationId\":" + org + ",\"countyCode\":\"" + COUNTY + "\",\"validFrom\":\"" + from + "\"}"
                : "{\"organisationId\":" + org + ",\"countyCode\":\"" + COUNTY + "\",\"validFrom\":\"" + from + "\",\"validTo\":\"" + to + "\"}")
                .post("/api/v1/pairings").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void theEndOfTheDesignationEndsTheOpenPairingsOnThatDateOnceAuditedAndTheCoverageShowsIt() {
        long soe = Api.organisation(Api.unique("中国电建"), "CENTRAL_SOE");
        long dept = Api.organisation(Api.unique("省交通运输厅"), "PROVINCIAL_DEPARTMENT");
        long partner = Api.organisation(Api.unique("浙江省嘉兴市"), "EASTERN_PARTNER");
        long open = pairing(soe, "2024-01-01", null);
        long runsPast = pairing(dept, "2024-03-01", "2026-12-31");
        long endedBefore = pairing(partner, "2024-01-01", "2024-12-31");
        as("reader").get("/api/v1/pairings/" + open).then().body("endedByDesignationOn", nullValue());

        // the registry ends the county's designation on 2025-07-01 (its last designated day 2025-06-30); the copy follows
        DesignatedCounties.endEnding(LocalDate.of(2025, 7, 1));

        for (long id : new long[]{open, runsPast}) {
            as("reader").get("/api/v1/pairings/" + id).then().statusCode(200)
                    .body("validTo", equalTo("2025-06-30"))
                    .body("endedByDesignationOn", equalTo("2025-07-01"))
                    .header("ETag", equalTo("\"1\""));
            List<AuditRecords.Row> audit = AuditRecords.of(dataSource, "Pairing", id);
            assertEquals(List.of("CREATE", "UPDATE"), audit.stream().map(AuditRecords.Row::action).toList());
            assertEquals(PairingsEndWithDesignation.ACTOR, audit.get(1).actor());
            assertEquals("county " + COUNTY + " is designated underdeveloped only until 2025-06-30 (registry change feed)", audit.get(1).reason());
        }
        as("reader").get("/api/v1/pairings/" + endedBefore).then().statusCode(200)
                .body("validTo", equalTo("2024-12-31")).body("endedByDesignationOn", nullValue()).header("ETag", equalTo("\"0\""));
        as("reader").queryParam("year", "2025").get("/api/v1/counties/" + COUNTY + "/assistance").then().statusCode(200)
                .body("forces.find { it.code == 'CENTRAL_SOE' }.present", equalTo(true));
        as("reader").queryParam("year", "2026").get("/api/v1/counties/" + COUNTY + "/assistance").then().statusCode(200)
                .body("forces.find { it.code == 'CENTRAL_SOE' }.present", equalTo(false));

        // the coverage of 2025: the county is no longer among the designated counties, the two pairings are shown ended
        as("reader").queryParam("year", "2025").get("/api/v1/coverage").then().statusCode(200)
                .body("counties", equalTo(DesignatedCounties.DESIGNATED_IN_2025 - 1))
                .body("countiesMissingForces.countyCode", not(hasItem(COUNTY)))
                .body("pairingsEndedByDesignation.find { it.pairingId == " + open + " }.countyCode", equalTo(COUNTY))
                .body("pairingsEndedByDesignation.find { it.pairingId == " + open + " }.organisationId", equalTo((int) soe))
                .body("pairingsEndedByDesignation.find { it.pairingId == " + open + " }.forceCode", equalTo("CENTRAL_SOE"))
                .body("pairingsEndedByDesignation.find { it.pairingId == " + open + " }.validTo", equalTo("2025-06-30"))
                .body("pairingsEndedByDesignation.find { it.pairingId == " + open + " }.designationEndedOn", equalTo("2025-07-01"))
                .body("pairingsEndedByDesignation.find { it.pairingId == " + runsPast + " }.designationEndedOn", equalTo("2025-07-01"))
                .body("pairingsEndedByDesignation.pairingId", not(hasItem((int) endedBefore)));
        as("reader").queryParam("year", "2024").get("/api/v1/coverage").then().statusCode(200)
                .body("pairingsEndedByDesignation.pairingId", not(hasItem((int) open)));

        // a replayed full load and a duplicate DESIGNATION event change nothing a second time
        long audits = AuditRecords.count(dataSource, "Pairing");
        facts.fire(new RegistryFactsChanged(List.of(), true));
        facts.fire(new RegistryFactsChanged(List.of(designationEvent(LocalDate.of(2025, 7, 1))), false));
        as("reader").get("/api/v1/pairings/" + open).then().body("validTo", equalTo("2025-06-30")).header("ETag", equalTo("\"1\""));
        assertEquals(audits, AuditRecords.count(dataSource, "Pairing"));

        // being designated again does not reopen them: that is an editor's decision (a PUT, checked against the copy)
        DesignatedCounties.restoreEnding();
        as("reader").get("/api/v1/pairings/" + open).then().body("validTo", equalTo("2025-06-30"));
        as("editor").header("If-Match", "\"1\"").body("{\"validTo\":null}").put("/api/v1/pairings/" + open).then().statusCode(200)
                .body("validTo", nullValue()).body("endedByDesignationOn", nullValue());
    }

    /**
     * The follower fires the event only when this replica applied the page: a page read after a cursor that another
     * replica has moved on is not applied (its conditional cursor update finds the cursor moved), so nothing reacts.
     */
    @Test
    void aPageAnotherReplicaAppliedIsNotReactedTo() throws Exception {
        long org = Api.organisation(Api.unique("省属国企"), "PROVINCIAL_SOE");
        long open = pairing(org, "2024-01-01", null);
        long cursor = copy.cursor().orElseThrow();
        RegistryFeedPage page = new RegistryFeedPage(List.of(designationEvent(LocalDate.of(2025, 1, 1))), cursor, false, cursor);
        assertFalse(follower.apply(cursor - 1, page), "the stored cursor is past the page's start: another replica applied it");
        as("reader").get("/api/v1/pairings/" + open).then().body("validTo", nullValue()).header("ETag", equalTo("\"0\""));
        assertEquals(1, copy.designations(RegistryDesignation.UNDERDEVELOPED_COUNTY, LocalDate.of(2025, 6, 1), COUNTY).size());
    }

    private static RegistryFeedPage.Event designationEvent(LocalDate end) {
        RegistryDesignation d = RegistryStub.designation(17, RegistryDesignation.UNDERDEVELOPED_COUNTY, COUNTY, RegistryStub.sichuan(COUNTY).name(),
                LocalDate.of(2019, 1, 1), end);
        return new RegistryFeedPage.Event(1, Instant.parse("2025-06-01T00:00:00Z"), "DESIGNATION", "17", "UPDATED", end,
                RegistryStub.JSON.valueToTree(d));
    }
}
