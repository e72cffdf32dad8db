package cn.sc.countyeconomy.assistance;

import cn.sc.countyeconomy.api.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * Every test of this module runs against its own database in the embedded PostgreSQL, and with
 * county-registry-service stubbed by WireMock ({@link RegistryStub}).
 */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(RegistryStub.class)
public class EmbeddedDatabase {
}
