package cn.sc.countyeconomy.assessment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.*;

/**
 * county-registry-service played by WireMock, with the JSON the registry client expects: the real
 * 183 Sichuan county-level divisions (copied from shared/reference/sichuan/counties.csv) ACTIVE for
 * every date, plus 510122 (the former Shuangliu county, now district 510116) RETIRED; categories
 * for every year: the first 33 districts CITY_CORE_DISTRICT, the others in turn KEY_DEVELOPMENT,
 * MAIN_FARM_PRODUCE, KEY_ECOLOGICAL_FUNCTION. Tests add their own stubs (faults) with a higher priority.
 */
public class RegistryStub implements QuarkusTestResourceLifecycleManager {

    public static WireMockServer server;
    public static final List<String[]> COUNTIES = new ArrayList<>();
    public static final Map<String, String> CATEGORY = new LinkedHashMap<>();
    static final ObjectMapper JSON = new ObjectMapper();

    static {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                RegistryStub.class.getResourceAsStream("/sichuan-counties.csv"), StandardCharsets.UTF_8))) {
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                COUNTIES.add(line.split(","));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String[] others = {"KEY_DEVELOPMENT", "MAIN_FARM_PRODUCE", "KEY_ECOLOGICAL_FUNCTION"};
        int districts = 0;
        int i = 0;
        for (String[] c : COUNTIES) {
            if (c[1].endsWith("区") && districts < 33) {
                CATEGORY.put(c[0], "CITY_CORE_DISTRICT");
                districts++;
            } else {
                CATEGORY.put(c[0], others[i++ % 3]);
            }
        }
    }

    public static String nameOf(String code) {
        return COUNTIES.stream().filter(c -> c[0].equals(code)).findFirst().orElseThrow()[1];
    }

    public static List<String> inCategory(String category) {
        return CATEGORY.entrySet().stream().filter(e -> e.getValue().equals(category)).map(Map.Entry::getKey).toList();
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        defaults();
        // the same WireMock plays assistance-service and reform-pilot-service (their paths differ)
        return Map.of("quarkus.rest-client.county-registry.url", server.baseUrl(),
                "quarkus.rest-client.assistance-service.url", server.baseUrl(),
                "quarkus.rest-client.reform-pilot-service.url", server.baseUrl());
    }

    /** The normal answers (lowest priority), and nothing else. */
    public static void defaults() {
        server.resetAll();
        try {
            List<Map<String, Object>> counties = new ArrayList<>();
            for (String[] c : COUNTIES) {
                counties.add(county(c[0], c[1], c[2], c[3], "ACTIVE"));
            }
            counties.add(county("510122", "双流县", "510100", "成都市", "RETIRED"));
            List<Map<String, Object>> categories = new ArrayList<>();
            long id = 1;
            for (Map.Entry<String, String> e : CATEGORY.entrySet()) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("id", id++);
                a.put("countyCode", e.getKey());
                a.put("countyName", nameOf(e.getKey()));
                a.put("year", 2024);
                a.put("categoryCode", e.getValue());
                a.put("categoryName", e.getValue());
                a.put("source", "test stub");
                a.put("version", 0);
                categories.add(a);
            }
            server.stubFor(get(urlPathEqualTo("/api/v1/counties")).atPriority(10)
                    .willReturn(okJson(JSON.writeValueAsString(page(counties)))));
            server.stubFor(get(urlPathEqualTo("/api/v1/category-assignments")).atPriority(10)
                    .willReturn(okJson(JSON.writeValueAsString(page(categories)))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> page(List<Map<String, Object>> items) {
        return Map.of("items", items, "page", 0, "size", 500, "totalItems", items.size(), "totalPages", 1);
    }

    static Map<String, Object> county(String code, String name, String pCode, String pName, String status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("name", name);
        m.put("level", "COUNTY");
        m.put("prefectureCode", pCode);
        m.put("prefectureName", pName);
        m.put("status", status);
        m.put("version", 0);
        return m;
    }

    /** The registry fails for category requests of this year (HTTP 500, so the client retries, then answers 503). */
    public static void categoriesFailFor(int year) {
        server.stubFor(get(urlPathEqualTo("/api/v1/category-assignments")).withQueryParam("year", WireMock.equalTo(Integer.toString(year)))
                .atPriority(1).willReturn(serverError()));
    }

    /** Every request to the registry has its connection reset. */
    public static void allFail() {
        server.stubFor(any(anyUrl()).atPriority(1).willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
