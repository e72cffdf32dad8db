package cn.sc.countyeconomy.registry.client.testing;

import java.util.Map;

/**
 * {@link RegistryTestProfile} for an integration test of the packaged jar ({@code @QuarkusIntegrationTest}): the
 * application runs in a process of its own, so {@link RegistryStub#syncCopy()} cannot run its follower; the follower's
 * timer runs every second instead, and a test waits for the facts it stated to show in the application's answers.
 */
public class RegistryFollowingTestProfile extends RegistryTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = super.getConfigOverrides();
        config.put("registry.follow.interval", "1s");
        return config;
    }
}
