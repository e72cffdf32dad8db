package cn.sc.countyeconomy.assistance;

import cn.sc.countyeconomy.api.testing.Problems;
import cn.sc.countyeconomy.api.testing.TestTokens;
import cn.sc.countyeconomy.registry.client.testing.RegistryStub;
import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.sc.countyeconomy.assistance.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Pairings are allowed only for counties the registry designates underdeveloped on the start date. */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class PairingEligibilityTest {

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    @BeforeEach
    @AfterEach
    void closeBreakers() {
        CircuitBreakerMaintenance.get().resetAll();
        DesignatedCounties.install();
    }

    private static String body(long org, String county, String from) {
        return "{\"organisationId\":" + org + ",\"countyCode\":\"" + county + "\",\"validFrom\":\"" + from + "\"}";
    }

    @Test
    void anEligibleCountyIsPairedAndTheForceIsTheOrganisations() {
        long org = Api.organisation(Api.unique("东部协作城市"), "EASTERN_PARTNER");
        as("editor").body(body(org, "513431", "2024-01-01")).post("/api/v1/pairings")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/pairings/"))
                .body("countyCode", equalTo("513431"))
                .body("countyName", equalTo("昭觉县"))
                .body("forceCode", equalTo("EAST_WEST_COOPERATION"))
                .body("validFrom", equalTo("2024-01-01"));
        // changed on purpose with the local copy: the check reads the copy, the registry is not asked per request
        RegistryStub.server().verify(0, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/v1/designations"))
                .withQueryParam("county", com.github.tomakehurst.wiremock.client.WireMock.equalTo("513431")));
    }

    @Test
    void aCountyTheRegistryDoesNotDesignateIsRefusedWithTheRule() {
        long org = Api.organisation(Api.unique("省直部门"), "PROVINCIAL_DEPARTMENT");
        as("editor").body(body(org, DesignatedCounties.NOT_DESIGNATED, "2024-01-01")).post("/api/v1/pairings")
                .then().spec(Problems.problem(422, "business-rule-violated"))
                .body("rule", equalTo("county-not-underdeveloped"))
                .body("countyCode", equalTo(DesignatedCounties.NOT_DESIGNATED));
        countPairings(DesignatedCounties.NOT_DESIGNATED, 0);
    }

    @Test
    void aCountyDesignatedOnlyLaterIsRefusedBeforeAndAcceptedAfter() {
        long org = Api.organisation(Api.unique("省内结对市"), "PAIRED_CITY");
        as("editor").body(body(org, DesignatedCounties.LATER, "2024-06-01")).post("/api/v1/pairings")
                .then().spec(Problems.problem(422, "business-rule-violated"))
                .body("rule", equalTo("county-not-underdeveloped"))
                .body("date", equalTo("2024-06-01"));
        as("editor").body(body(org, DesignatedCounties.LATER, "2024-12-31")).post("/api/v1/pairings")
                .then().statusCode(422).body("rule", equalTo("county-not-underdeveloped"));
        as("editor").body(body(org, DesignatedCounties.LATER, "2025-01-01")).post("/api/v1/pairings")
                .then().statusCode(201).body("countyName", equalTo("喜德县"));
    }

    /**
     * Before the local copy of the registry facts was ever loaded the eligibility check cannot be answered: 503 with
     * Retry-After, nothing written (the copy is made to look never loaded by deleting its cursor row). Once loaded, the
     * same write goes through.
     */
    @Test
    void aCopyNeverLoadedMeans503WithRetryAfterAndNothingWritten() {
        long org = Api.organisation(Api.unique("省属国企"), "PROVINCIAL_SOE");
        long auditBefore = auditCount("Pairing");
        RegistryStub.forgetCopy();
        try {
            as("editor").body(body(org, "513423", "2024-01-01")).post("/api/v1/pairings")
                    .then().spec(Problems.problem(503, "dependency-unavailable"))
                    .header("Retry-After", equalTo("7"));
            as("reader").queryParam("year", "2025").get("/api/v1/coverage")
                    .then().spec(Problems.problem(503, "dependency-unavailable")).header("Retry-After", equalTo("7"));
        } finally {
            RegistryStub.syncCopy();
        }
        countPairingsOf(org, 0);
        assertEquals(auditBefore, auditCount("Pairing"));
        as("editor").body(body(org, "513423", "2024-01-01")).post("/api/v1/pairings").then().statusCode(201);
    }

    /**
     * Changed on purpose with the local copy: a pairing's eligibility no longer asks the registry, so while the
     * registry is unreachable the write is checked against the copy and goes through (it was a 503), and a county the
     * copy does not hold designated is still refused.
     */
    @Test
    void registryUnreachableReadsAndEligibilityCheckedWritesStillWork() throws Exception {
        long org = Api.organisation(Api.unique("在川央企"), "CENTRAL_SOE");
        long existing = Api.pairing(org, "513430", "2024-01-01");
        int port = RegistryStub.server().port();
        RegistryStub.stopServer(); // closed port: connection refused
        try {
            as("reader").get("/api/v1/pairings/" + existing).then().statusCode(200).body("countyCode", equalTo("513430"));
            as("reader").queryParam("countyCode", "513430").get("/api/v1/pairings").then().statusCode(200)
                    .body("items.id", hasItem((int) existing));
            as("reader").queryParam("year", "2024").get("/api/v1/counties/513430/assistance").then().statusCode(200);
            as("reader").queryParam("year", "2024").get("/api/v1/counties/513430/effectiveness").then().statusCode(200)
                    .body("status", not(equalTo("NOT_APPLICABLE")));
            as("editor").body(body(org, "513429", "2024-01-01")).post("/api/v1/pairings").then().statusCode(201);
            countPairingsOf(org, 2);
            as("editor").body(body(org, DesignatedCounties.NOT_DESIGNATED, "2024-01-01")).post("/api/v1/pairings")
                    .then().spec(Problems.problem(422, "business-rule-violated")).body("rule", equalTo("county-not-underdeveloped"));
        } finally {
            RegistryStub.restart();
            assertEquals(port, RegistryStub.server().port());
            DesignatedCounties.install();
        }
        CircuitBreakerMaintenance.get().resetAll();
    }

    @Test
    void anOverlappingPairingIsAConflictAndDatesMustBeOrdered() {
        long org = Api.organisation(Api.unique("省直部门"), "PROVINCIAL_DEPARTMENT");
        Api.pairing(org, "513428", "2024-01-01");
        as("editor").body(body(org, "513428", "2024-05-01")).post("/api/v1/pairings")
                .then().spec(Problems.problem(409, "conflict"));
        as("editor").body("{\"organisationId\":" + org + ",\"countyCode\":\"513427\",\"validFrom\":\"2024-05-01\",\"validTo\":\"2024-04-30\"}")
                .post("/api/v1/pairings")
                .then().spec(Problems.problem(422, "validation-failed")).body("violations[0].field", equalTo("validTo"));
        as("editor").body("{\"organisationId\":" + org + ",\"countyCode\":\"51342\",\"validFrom\":\"2024-05-01\"}")
                .post("/api/v1/pairings")
                .then().spec(Problems.problem(422, "validation-failed")).body("violations[0].field", equalTo("countyCode"));
        as("editor").body(body(999999, "513428", "2024-05-01")).post("/api/v1/pairings")
                .then().spec(Problems.problem(422, "validation-failed")).body("violations[0].field", equalTo("organisationId"));
    }

    @Test
    void aCountyScopedTokenPairsOnlyItsOwnCounties() {
        long org = Api.organisation(Api.unique("东部协作城市"), "EASTERN_PARTNER");
        given().header("Authorization", TestTokens.bearerForCounties(List.of("513426"), "editor")).contentType(ContentType.JSON)
                .body(body(org, "513425", "2024-01-01")).post("/api/v1/pairings")
                .then().spec(Problems.problem(403, "forbidden"));
        countPairings("513425", 0);
        given().header("Authorization", TestTokens.bearerForCounties(List.of("513426"), "editor")).contentType(ContentType.JSON)
                .body(body(org, "513426", "2024-01-01")).post("/api/v1/pairings")
                .then().statusCode(201);
    }

    @Test
    void aPairingEndsWithIfMatchWithoutAskingTheRegistryAndTheForceIsNoLongerPresentAfter() {
        long org = Api.organisation(Api.unique("在川央企"), "CENTRAL_SOE");
        long id = Api.pairing(org, "513422", "2024-01-01");
        as("reader").queryParam("year", "2025").get("/api/v1/counties/513422/assistance").then()
                .body("forces.find { it.code == 'CENTRAL_SOE' }.present", equalTo(true));
        as("editor").body("{\"validTo\":\"2024-12-31\"}").put("/api/v1/pairings/" + id).then().spec(Problems.problem(428, "precondition-required"));
        as("editor").header("If-Match", "\"0\"").body("{\"validTo\":\"2023-12-31\"}").put("/api/v1/pairings/" + id)
                .then().spec(Problems.problem(422, "validation-failed")).body("violations[0].field", equalTo("validTo"));
        var outage = RegistryStub.down();
        try {
            as("editor").header("If-Match", "\"0\"").body("{\"validTo\":\"2024-12-31\"}").put("/api/v1/pairings/" + id)
                    .then().statusCode(200).body("validTo", equalTo("2024-12-31")).header("ETag", equalTo("\"1\""));
        } finally {
            RegistryStub.up(outage);
        }
        as("reader").queryParam("year", "2025").get("/api/v1/counties/513422/assistance").then()
                .body("forces.find { it.code == 'CENTRAL_SOE' }.present", equalTo(false));
        as("reader").queryParam("year", "2024").get("/api/v1/counties/513422/assistance").then()
                .body("forces.find { it.code == 'CENTRAL_SOE' }.present", equalTo(true));
        // a new pairing from 2025 is fine now; extending the old one over it is a conflict
        Api.pairing(org, "513422", "2025-03-01");
        as("editor").header("If-Match", "\"1\"").body("{\"validTo\":null}").put("/api/v1/pairings/" + id)
                .then().spec(Problems.problem(409, "conflict"));
        assertEquals(List.of("CREATE", "UPDATE"),
                AuditRecords.of(dataSource, "Pairing", id).stream().map(AuditRecords.Row::action).toList());
    }

    static void countPairings(String county, int expected) {
        as("reader").queryParam("countyCode", county).get("/api/v1/pairings")
                .then().statusCode(200).body("totalItems", equalTo(expected));
    }

    static void countPairingsOf(long organisation, int expected) {
        as("reader").queryParam("organisationId", organisation).get("/api/v1/pairings")
                .then().statusCode(200).body("totalItems", equalTo(expected));
    }

    long auditCount(String resourceType) {
        return AuditRecords.count(dataSource, resourceType);
    }
}
