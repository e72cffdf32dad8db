package cn.sc.countyeconomy.assistance;

import cn.sc.countyeconomy.registry.client.testing.RegistryFollowingTestProfile;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The conventions tests again, against the packaged jar in a process of its own: what ships is tested. Its local
 * registry copy follows the stub every second ({@link RegistryFollowingTestProfile}); {@link DesignatedCounties#install()}
 * waits until the designations it stated show in the coverage.
 */
@QuarkusIntegrationTest
@TestProfile(RegistryFollowingTestProfile.class)
class AssistanceConventionsIT extends ApiConventionsTest {
}
