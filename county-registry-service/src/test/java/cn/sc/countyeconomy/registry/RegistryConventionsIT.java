package cn.sc.countyeconomy.registry;

import cn.sc.countyeconomy.api.testing.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The API conventions again, against the packaged jar in its own process: what ships is tested. */
@QuarkusIntegrationTest
@WithTestResource(PostgresTestResource.class)
class RegistryConventionsIT extends ApiConventionsTest {
}
