package cn.sc.countyeconomy.assistance;

import cn.sc.countyeconomy.registry.client.RegistryDesignation;
import cn.sc.countyeconomy.registry.client.testing.RegistryStub;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * What county-registry-service designates UNDERDEVELOPED_COUNTY in this module's tests, stated on
 * the shared {@link RegistryStub} (county names are the real ones):
 * <ul>
 * <li>{@value #LATER}: designated only from 2025-01-01;</li>
 * <li>{@value #NOT_DESIGNATED}: never designated (an empty page);</li>
 * <li>{@value #FAULTY}: asked about it, the registry resets the connection;</li>
 * <li>{@value #RENEWED}: designated 2019-01-01 to 2024-01-01 (exclusive), and again from 2024-01-01 with no end (two
 * designations that follow each other without a gap);</li>
 * <li>{@value #LIST_ENDED}, asked about it alone: designated 2019-01-01 to 2021-01-01 (exclusive);</li>
 * <li>the counties the tests pair ({@link #SINCE_2019}): designated since 2019-01-01, with no end;</li>
 * <li>the list of all (asked without a county): {@value #LIST_A} and {@value #LIST_B} since 2019, {@value #LATER}
 * from 2025, and {@value #LIST_ENDED} from 2019 to 2021-01-01, and nothing else, so that the coverage and demo-data
 * figures depend only on the counties {@code ReportFiguresTest} and {@code DemoDataTest} write to.</li>
 * </ul>
 * Every test class that reaches the registry calls {@link #install()} before each test: it states the
 * facts once per registry server (again after a test restarted it).
 */
final class DesignatedCounties {

    static final String LATER = "513432";
    static final String NOT_DESIGNATED = "510104";
    static final String FAULTY = "513433";
    static final String LIST_A = "513436";
    static final String LIST_B = "513437";
    static final String LIST_ENDED = "513435";
    static final String RENEWED = "513434";
    /** The other counties the tests pair an organisation with. */
    static final List<String> SINCE_2019 = List.of("513330", "513331", "513334", "513335", "513422", "513423", "513424",
            "513426", "513427", "513428", "513429", "513430", "513431");

    private static final LocalDate Y2019 = LocalDate.of(2019, 1, 1);
    private static WireMockServer installedOn;

    private DesignatedCounties() {
    }

    static synchronized void install() {
        WireMockServer server = RegistryStub.server();
        if (server == installedOn) {
            return;
        }
        List<RegistryDesignation> listed = List.of(
                designation(11, LIST_A, Y2019, null),
                designation(12, LIST_B, Y2019, null),
                designation(13, LATER, LocalDate.of(2025, 1, 1), null),
                designation(14, LIST_ENDED, Y2019, LocalDate.of(2021, 1, 1)));
        List<RegistryDesignation> all = new ArrayList<>(listed);
        all.add(designation(15, RENEWED, Y2019, LocalDate.of(2024, 1, 1)));
        all.add(designation(16, RENEWED, LocalDate.of(2024, 1, 1), null));
        long id = 100;
        for (String county : SINCE_2019) {
            all.add(designation(id++, county, Y2019, null));
        }
        RegistryStub.designations(all);
        // the list of all names the four listed counties only (a stated fact wins over the per-type list)
        server.stubFor(underdeveloped().withQueryParam("county", absent()).atPriority(RegistryStub.FACTS - 1)
                .willReturn(RegistryStub.json(200, RegistryStub.page(listed))));
        RegistryStub.failing(underdeveloped().withQueryParam("county", equalTo(FAULTY)));
        installedOn = server;
        warmUp();
    }

    /**
     * The first call of a freshly started application to the registry pays for starting its REST
     * client, which on a loaded machine can take seconds. Make
     * that call here (a read, the coverage list), until the registry's answer comes through; the
     * circuit breaker closes again 500 ms after a failure.
     */
    private static void warmUp() {
        for (int attempt = 0; attempt < 30; attempt++) {
            var answer = Api.as("reader").queryParam("year", "2025").get("/api/v1/coverage");
            if (answer.statusCode() == 200 && "county-registry-service".equals(answer.jsonPath().getString("countiesSource"))) {
                return;
            }
            try {
                Thread.sleep(600);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("the application never got an answer from the registry stub");
    }

    private static MappingBuilder underdeveloped() {
        return get(urlPathEqualTo("/api/v1/designations"))
                .withQueryParam("type", equalTo(RegistryDesignation.UNDERDEVELOPED_COUNTY));
    }

    private static RegistryDesignation designation(long id, String county, LocalDate from, LocalDate to) {
        return RegistryStub.designation(id, RegistryDesignation.UNDERDEVELOPED_COUNTY, county,
                RegistryStub.sichuan(county).name(), from, to);
    }
}
