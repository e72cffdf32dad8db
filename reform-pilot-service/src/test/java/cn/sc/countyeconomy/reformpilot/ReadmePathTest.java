package cn.sc.countyeconomy.reformpilot;

import cn.sc.countyeconomy.api.testing.TestClock;
import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The README's path "From nomination to acceptance, in curl" (issue 11: nominating 510522 in a new
 * programme and approving it answered 409), run as written in README.md: the same requests, headers and
 * bodies, read from the file, on a fresh database (a profile of its own starts the service with a new
 * one), with the registry played by the stub. The outbox relay, which runs by itself in production, is
 * run after every command. "Today" is 2026-09-30, after the last date of the path.
 */
@QuarkusTest
@TestProfile(ReadmePathTest.FreshDatabase.class)
class ReadmePathTest extends ApiTest {

    /** The shared profile under another name: Quarkus starts the service again, with a database of its own. */
    public static class FreshDatabase extends RegistryTestProfile {
    }

    @Test
    void theCurlPathOfTheReadmeRunsAsWrittenAndRecordsTheDesignationOfTheNewProgramme() throws IOException {
        TestClock.today(LocalDate.of(2026, 9, 30));
        ReadmeCurl bash = new ReadmeCurl();
        List<String> commands = ReadmeCurl.section(Path.of("README.md"), "## From nomination to acceptance, in curl");
        for (String command : commands) {
            bash.run(command);
            relay();
        }

        List<ReadmeCurl.Call> calls = bash.calls();
        assertEquals(12, calls.size(), "the README's curl calls (etag lookups not counted)");
        assertThat(calls.stream().map(ReadmeCurl.Call::status).toList(), everyItem(lessThan(300)));
        long programme = Long.parseLong(bash.var("PR"));
        long pilot = Long.parseLong(bash.var("P"));

        // after the approval: the designation of the new programme went to the registry, beside 合江县's of 2020
        JsonPath approved = JsonPath.from(calls.stream().filter(c -> c.method().equals("GET") && c.path().equals("/api/v1/pilots/" + pilot))
                .findFirst().orElseThrow().answer());
        assertEquals("APPROVED", approved.getString("status"));
        assertEquals("SYNCED", approved.getString("registrySync.state"));
        registry.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/designations"))
                .withHeader("Idempotency-Key", equalTo("pilot-" + pilot + "-approve"))
                .withRequestBody(equalToJson("""
                    {"typeCode":"REFORM_PILOT","countyCode":"510522","validFrom":"2026-02-01","validTo":"2029-01-01",
                     "source":"reform-pilot:programme/%d"}""".formatted(programme), true, true)));
        // acceptance ended it on its date
        registry.verify(1, postRequestedFor(urlPathMatching("/api/v1/designations/[0-9]+/end"))
                .withRequestBody(equalToJson("{\"endDate\":\"2026-09-15\",\"reason\":\"验收通过\"}")));

        JsonPath end = pilot(pilot);
        assertEquals("ACCEPTED", end.getString("status"));
        assertEquals("SYNCED", end.getString("registrySync.state"));
        assertEquals("2026-09-15", end.getString("registrySync.validTo"));
        JsonPath history = JsonPath.from(calls.get(calls.size() - 1).answer());
        assertEquals(List.of("NOMINATED", "APPROVED", "IMPLEMENTING", "UNDER_EVALUATION", "ACCEPTED"), history.getList("to"));
    }
}
