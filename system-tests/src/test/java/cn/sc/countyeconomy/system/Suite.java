package cn.sc.countyeconomy.system;

import cn.sc.countyeconomy.api.testing.EmbeddedPostgres;
import cn.sc.countyeconomy.api.testing.TestTokens;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The services of one system-test JVM: started once, in dependency order, each with a database of
 * its own in the embedded PostgreSQL and the test key pair; stopped when the JVM ends.
 */
final class Suite {

    private static final Map<String, ServiceProcess> RUNNING = new LinkedHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.values().forEach(ServiceProcess::stop)));
    }

    private Suite() {
    }

    static synchronized ServiceProcess registry() {
        return RUNNING.computeIfAbsent("county-registry-service", m -> ServiceProcess.start(m, env("registry")));
    }

    static synchronized ServiceProcess assistance() {
        String registry = registry().url();
        return RUNNING.computeIfAbsent("assistance-service", m -> {
            Map<String, String> env = env("assistance");
            env.put("REGISTRY_URL", registry);
            return ServiceProcess.start(m, env);
        });
    }

    static synchronized ServiceProcess reformPilot() {
        String registry = registry().url();
        return RUNNING.computeIfAbsent("reform-pilot-service", m -> {
            Map<String, String> env = env("reform_pilot");
            env.put("REGISTRY_URL", registry);
            return ServiceProcess.start(m, env);
        });
    }

    /** A service of its own (not shared), for a test that stops it or its dependency; stopped by the test. */
    static ServiceProcess startDedicated(String module, String dbPrefix, String registryUrl) {
        return startDedicated(module, dbPrefix, registryUrl, Map.of());
    }

    /** As {@link #startDedicated(String, String, String)}, with configuration of its own (environment variables). */
    static ServiceProcess startDedicated(String module, String dbPrefix, String registryUrl, Map<String, String> config) {
        Map<String, String> env = env(dbPrefix);
        if (registryUrl != null) {
            env.put("REGISTRY_URL", registryUrl);
        }
        env.putAll(config);
        return ServiceProcess.start(module, env);
    }

    private static Map<String, String> env(String dbPrefix) {
        EmbeddedPostgres pg = EmbeddedPostgres.shared();
        String db = pg.createDatabase(dbPrefix);
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", pg.jdbcUrl(db));
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "");
        env.put("API_JWT_ISSUER", TestTokens.ISSUER);
        env.put("API_JWT_PUBLIC_KEY", TestTokens.publicKeyFile().toString());
        env.put("API_JWT_SIGNING_KEY", TestTokens.privateKeyFile().toString());
        return env;
    }
}
