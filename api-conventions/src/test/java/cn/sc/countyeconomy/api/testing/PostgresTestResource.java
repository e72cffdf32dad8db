package cn.sc.countyeconomy.api.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * The test resource every service's tests use: a fresh database in the embedded PostgreSQL
 * (see {@link EmbeddedPostgres}) and the test key pair for signing and checking JWTs. Put
 * {@code @WithTestResource(PostgresTestResource.class)} on each test class, or list it in a test profile's
 * {@code testResources()} (as {@code RegistryTestProfile} does).
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        EmbeddedPostgres pg = EmbeddedPostgres.shared();
        String db = pg.createDatabase("test");
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", pg.jdbcUrl(db));
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "");
        config.putAll(TestTokens.config());
        return config;
    }

    @Override
    public void stop() {
        // the cluster lives until the JVM ends; each start has its own database
    }
}
