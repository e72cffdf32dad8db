package cn.sc.countyeconomy.assistance;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * county-registry-service stubbed by WireMock, in the shape county-registry-client reads
 * (GET /api/v1/designations?type=&asOf=&county=&page=&size= answering a page of designations).
 * <ul>
 * <li>{@value #LATER}: designated underdeveloped only from 2025-01-01;</li>
 * <li>{@value #NOT_DESIGNATED}: never designated (an empty page);</li>
 * <li>{@value #FAULTY}: the connection is reset (the registry is down for this call);</li>
 * <li>any other 51xxxx county: designated since 2019-01-01, with no end;</li>
 * <li>without a county (the list of all): {@value #LIST_A} and {@value #LIST_B} since 2019, {@value #LATER}
 * from 2025, and {@value #LIST_ENDED} from 2019 to 2021-01-01.</li>
 * </ul>
 */
public class RegistryStub implements QuarkusTestResourceLifecycleManager {

    public static final String LATER = "513432";
    public static final String NOT_DESIGNATED = "510104";
    public static final String FAULTY = "513433";
    public static final String LIST_A = "513436";
    public static final String LIST_B = "513437";
    public static final String LIST_ENDED = "513435";

    private static volatile WireMockServer server;
    private static volatile int port;

    public static int port() {
        return port;
    }

    public static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        port = server.port();
        stubDefaults(server);
        return Map.of("quarkus.rest-client.county-registry.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    static void stubDefaults(WireMockServer s) {
        s.stubFor(designations().withQueryParam("county", equalTo(LATER)).atPriority(1)
                .willReturn(json(page(designation(1, LATER, "喜德县", "2025-01-01", null)))));
        s.stubFor(designations().withQueryParam("county", equalTo(NOT_DESIGNATED)).atPriority(1)
                .willReturn(json(page())));
        s.stubFor(designations().withQueryParam("county", equalTo(FAULTY)).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        s.stubFor(designations().withQueryParam("county", matching("51[0-9]{4}")).atPriority(5)
                .willReturn(json("{\"items\":[{\"id\":100,\"typeCode\":\"UNDERDEVELOPED_COUNTY\","
                        + "\"countyCode\":\"{{request.query.county}}\",\"countyName\":\"测试县{{request.query.county}}\","
                        + "\"validFrom\":\"2019-01-01\",\"validTo\":null,\"evidenceStatus\":\"VERIFIED\",\"version\":0}],"
                        + "\"page\":0,\"size\":500,\"totalItems\":1,\"totalPages\":1}").withTransformers("response-template")));
        s.stubFor(designations().withQueryParam("county", absent()).atPriority(5)
                .willReturn(json(page(designation(11, LIST_A, "美姑县", "2019-01-01", null),
                        designation(12, LIST_B, "雷波县", "2019-01-01", null),
                        designation(13, LATER, "喜德县", "2025-01-01", null),
                        designation(14, LIST_ENDED, "甘洛县", "2019-01-01", "2021-01-01")))));
    }

    /** Stops the registry: its port is closed (connection refused) until {@link #restart()}. */
    public static void stopServer() {
        server.stop();
    }

    /** Starts the registry again on the same port, with the default stubs. */
    public static void restart() {
        server = new WireMockServer(wireMockConfig().port(port));
        server.start();
        stubDefaults(server);
    }

    /** Makes every designations call fail until the returned stub is removed. */
    public static StubMapping down() {
        return server.stubFor(designations().atPriority(0).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    public static void up(StubMapping outage) {
        server.removeStub(outage);
    }

    static MappingBuilder designations() {
        return get(urlPathEqualTo("/api/v1/designations")).withQueryParam("type", equalTo("UNDERDEVELOPED_COUNTY"));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    static String designation(long id, String code, String name, String from, String to) {
        return "{\"id\":" + id + ",\"typeCode\":\"UNDERDEVELOPED_COUNTY\",\"countyCode\":\"" + code + "\",\"countyName\":\"" + name
                + "\",\"validFrom\":\"" + from + "\",\"validTo\":" + (to == null ? "null" : "\"" + to + "\"")
                + ",\"evidenceStatus\":\"VERIFIED\",\"version\":0}";
    }

    static String page(String... items) {
        return "{\"items\":[" + String.join(",", items) + "],\"page\":0,\"size\":500,\"totalItems\":" + items.length
                + ",\"totalPages\":" + (items.length == 0 ? 0 : 1) + "}";
    }
}
