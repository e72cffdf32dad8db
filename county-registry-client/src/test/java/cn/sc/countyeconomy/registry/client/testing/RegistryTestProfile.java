package cn.sc.countyeconomy.registry.client.testing;

import cn.sc.countyeconomy.api.testing.PostgresTestResource;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one test profile of the services that call the registry: their own database in the embedded
 * PostgreSQL, the registry played by {@link RegistryStub}, and the client's fault tolerance made
 * short (retries 10 ms apart, a breaker that closes again after 500 ms; a 5 s timeout, which a stub that
 * answers at once never reaches even on a loaded machine) so that outage tests take milliseconds. Put
 * {@code @TestProfile(RegistryTestProfile.class)} on every {@code @QuarkusTest} class of such a
 * service: all of them then share one start of the application.
 */
public class RegistryTestProfile implements QuarkusTestProfile {

    private static final String CLIENT = "cn.sc.countyeconomy.registry.client.CountyRegistry";

    private static final List<String> CALLS = List.of("county", "counties", "shapes", "categories", "designations", "designationsFrom",
            "addDesignation", "endDesignation", "changes", "countyVersions", "allCategoryAssignments", "allDesignations", "divisionChanges");

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        for (String call : CALLS) {
            String prefix = CLIENT + "/" + call + "/";
            config.put(prefix + "Timeout/value", "5000");
            config.put(prefix + "Retry/delay", "10");
            config.put(prefix + "Retry/jitter", "0");
            config.put(prefix + "CircuitBreaker/delay", "500");
        }
        // the local copy is synced by the stub when a test states facts (RegistryStub.syncCopy), never by a timer
        config.put("registry.follow.interval", "off");
        config.put("quarkus.rest-client.county-registry.connect-timeout", "500");
        config.put("quarkus.rest-client.county-registry.read-timeout", "5000");
        return config;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresTestResource.class), new TestResourceEntry(RegistryStub.class));
    }
}
