package cn.sc.countyeconomy.assessment;

import cn.sc.countyeconomy.api.testing.PostgresTestResource;
import cn.sc.countyeconomy.registry.client.testing.RegistryStub;
import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The callers' test profile, with the registry stub also playing assistance-service and
 * reform-pilot-service (the scorecard's neighbours; their paths differ from the registry's). The
 * two list calls get 5 s instead of 1 s: they carry all 183 counties, which on a busy machine takes
 * the stub more than a second to write; the outage tests reset connections and stay as fast.
 */
public class AssessmentTestProfile extends RegistryTestProfile {

    private static final String CLIENT = "cn.sc.countyeconomy.registry.client.CountyRegistry";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put(CLIENT + "/counties/Timeout/value", "5000");
        config.put(CLIENT + "/categories/Timeout/value", "5000");
        config.put("quarkus.rest-client.county-registry.read-timeout", "5000");
        return config;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresTestResource.class),
                new TestResourceEntry(RegistryStub.class, Map.of("also-plays", "assistance-service,reform-pilot-service")));
    }
}
