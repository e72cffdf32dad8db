package cn.sc.countyeconomy.assessment;

import cn.sc.countyeconomy.api.testing.PostgresTestResource;
import cn.sc.countyeconomy.registry.client.testing.RegistryStub;
import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;

import java.util.List;
import java.util.Map;

/**
 * The callers' test profile, with the registry stub also playing assistance-service and
 * reform-pilot-service (the scorecard's neighbours; their paths differ from the registry's).
 */
public class AssessmentTestProfile extends RegistryTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresTestResource.class),
                new TestResourceEntry(RegistryStub.class, Map.of("also-plays", "assistance-service,reform-pilot-service")));
    }
}
