package cn.sc.countyeconomy.reformpilot;

import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The API contract again, against the packaged jar in a process of its own: what ships is what
 * was tested. Its clock is the real one, so the tests it inherits hold on any date after the
 * dates they use (2024).
 */
@QuarkusIntegrationTest
@TestProfile(RegistryTestProfile.class)
class ReformPilotConventionsIT extends ConventionsTest {
}
