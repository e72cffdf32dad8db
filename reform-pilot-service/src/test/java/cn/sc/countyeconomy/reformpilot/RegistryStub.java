package cn.sc.countyeconomy.reformpilot;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * county-registry-service as a WireMock stub in this JVM. By default every 6-digit code is an
 * ACTIVE county and designations are accepted; tests add specific stubs (priority 1) over these
 * defaults (priority 10) and call {@link #reset()} before each test.
 */
@QuarkusTestResource(RegistryStub.class)
public class RegistryStub implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                .globalTemplating(true));
        server.start();
        return Map.of("quarkus.rest-client.county-registry.url", "http://localhost:" + server.port());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** A client for the running stub, found through the URL the service is configured with. */
    public static WireMock client() {
        URI url = URI.create(ConfigProvider.getConfig().getValue("quarkus.rest-client.county-registry.url", String.class));
        return new WireMock(url.getHost(), url.getPort());
    }

    /** Clears stubs and requests, then installs the defaults. */
    public static WireMock reset() {
        WireMock wm = client();
        wm.resetToDefaultMappings();
        wm.resetRequests();
        wm.register(get(urlPathMatching("/api/v1/counties/[0-9]{6}")).atPriority(10)
                .willReturn(okJson(county("{{request.pathSegments.[3]}}", "测试县", "ACTIVE"))));
        wm.register(post(urlPathEqualTo("/api/v1/designations")).atPriority(10)
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(designation("{{randomInt lower=100000 upper=999999}}", "{{jsonPath request.body '$.countyCode'}}",
                                "{{jsonPath request.body '$.validFrom'}}"))));
        wm.register(get(urlPathMatching("/api/v1/designations/[0-9]+")).atPriority(10)
                .willReturn(okJson(designation("{{request.pathSegments.[3]}}", "510000", "2020-01-01"))));
        wm.register(post(urlPathMatching("/api/v1/designations/[0-9]+/end")).atPriority(10)
                .willReturn(okJson(designation("{{request.pathSegments.[3]}}", "510000", "2020-01-01"))));
        return wm;
    }

    /** Every call to the registry fails at the connection level. */
    public static void down(WireMock wm) {
        wm.register(any(urlPathMatching("/api/v1/.*")).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    public static String county(String code, String name, String status) {
        return """
                {"code":"%s","name":"%s","nameEn":null,"level":"COUNTY","type":"COUNTY","prefectureCode":"510500",
                 "prefectureName":"泸州市","regionCode":"SOUTH","regionName":"川南经济区","validFrom":"2000-01-01",
                 "validTo":null,"status":"%s","successors":[],"predecessors":[],"category":null,"designations":[],"version":3}
                """.formatted(code, name, status);
    }

    public static String designation(String id, String county, String validFrom) {
        return """
                {"id":%s,"typeCode":"REFORM_PILOT","countyCode":"%s","countyName":"测试县","validFrom":"%s","validTo":null,
                 "evidenceStatus":"LISTED","sourceRef":"reform-pilot-service","note":null,"version":0}
                """.formatted(id, county, validFrom);
    }
}
