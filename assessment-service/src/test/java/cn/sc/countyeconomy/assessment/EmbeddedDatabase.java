package cn.sc.countyeconomy.assessment;

import cn.sc.countyeconomy.api.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Every test of this module runs against its own database in the embedded PostgreSQL. */
@QuarkusTestResource(PostgresTestResource.class)
public class EmbeddedDatabase {
}
