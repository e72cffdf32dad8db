package cn.sc.countyeconomy.assistance;

import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** The conventions tests again, against the packaged jar in a process of its own: what ships is tested. */
@QuarkusIntegrationTest
@TestProfile(RegistryTestProfile.class)
class AssistanceConventionsIT extends ApiConventionsTest {
}
