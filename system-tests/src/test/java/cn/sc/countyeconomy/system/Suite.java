package cn.sc.countyeconomy.system;

import cn.sc.countyeconomy.api.testing.EmbeddedPostgres;
import cn.sc.countyeconomy.api.testing.TestTokens;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The services of one system-test JVM: started once, in dependency order, each with a database of
 * its own in the embedded PostgreSQL, the test keys' JWKS and its own service key; stopped when the JVM ends.
 */
final class Suite {

    private static final Map<String, ServiceProcess> RUNNING = new LinkedHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.values().forEach(ServiceProcess::stop)));
    }

    private Suite() {
    }

    static synchronized ServiceProcess registry() {
        return RUNNING.computeIfAbsent("county-registry-service", m -> ServiceProcess.start(m, env(m, "registry")));
    }

    static synchronized ServiceProcess assistance() {
        String registry = registry().url();
        return RUNNING.computeIfAbsent("assistance-service", m -> {
            Map<String, String> env = env(m, "assistance");
            env.put("REGISTRY_URL", registry);
            return ServiceProcess.start(m, env);
        });
    }

    static synchronized ServiceProcess reformPilot() {
        String registry = registry().url();
        return RUNNING.computeIfAbsent("reform-pilot-service", m -> {
            Map<String, String> env = env(m, "reform_pilot");
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
        Map<String, String> env = env(module, dbPrefix);
        if (registryUrl != null) {
            env.put("REGISTRY_URL", registryUrl);
        }
        env.putAll(config);
        return ServiceProcess.start(module, env);
    }

    /** A service process's environment: its database, the trusted JWKS, and its own signing key (the test key of its name). */
    static Map<String, String> env(String module, String dbPrefix) {
        EmbeddedPostgres pg = EmbeddedPostgres.shared();
        String db = pg.createDatabase(dbPrefix);
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", pg.jdbcUrl(db));
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "");
        env.put("API_JWT_ISSUER", TestTokens.ISSUER);
        env.put("API_JWT_TRUSTED_KEYS", TestTokens.trustedKeysFile().toString());
        env.put("API_SERVICE_SIGNING_KEY", TestTokens.serviceKeyFile(module).toString());
        return env;
    }
}
