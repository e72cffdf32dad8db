package cn.sc.countyeconomy.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The services as their own configuration states them (each module's src/main/resources/application.properties):
 * name, HTTP port, and the services it calls, from its REST clients' URLs
 * ({@code quarkus.rest-client.X.url=${VARIABLE:http://localhost:PORT}}: the callee is the service with that port;
 * the variable is what a deployment sets to the callee's address).
 */
record ServiceCatalog(Map<String, Service> services) {

    record Service(String name, int port, Map<String, String> calls) {

        /** The callees' names. */
        Set<String> callees() {
            return new TreeSet<>(calls.values());
        }
    }

    private static final Pattern CLIENT_URL = Pattern.compile("quarkus\\.rest-client\\.\"?([^.\"]+)\"?\\.url");
    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{([A-Z0-9_]+):https?://[^:/]+:(\\d+)/?}");

    static ServiceCatalog load(Path root) {
        Map<String, Properties> configs = new TreeMap<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.sorted().toList()) {
                Path props = module.resolve("src/main/resources/application.properties");
                if (module.getFileName().toString().endsWith("-service") && Files.isRegularFile(props)) {
                    Properties p = new Properties();
                    try (Reader r = Files.newBufferedReader(props, StandardCharsets.UTF_8)) {
                        p.load(r);
                    }
                    configs.put(p.getProperty("quarkus.application.name"), p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Integer, String> byPort = new TreeMap<>();
        configs.forEach((name, p) -> byPort.put(Integer.parseInt(p.getProperty("quarkus.http.port")), name));
        Map<String, Service> services = new LinkedHashMap<>();
        configs.forEach((name, p) -> {
            Map<String, String> calls = new TreeMap<>();
            for (String key : p.stringPropertyNames()) {
                if (CLIENT_URL.matcher(key).matches()) {
                    Matcher m = DEFAULTED.matcher(p.getProperty(key).strip());
                    if (!m.matches()) {
                        throw new AssertionError(name + ": " + key + "=" + p.getProperty(key)
                                + " is not ${VARIABLE:http://localhost:PORT}; deploy-tests derives the call graph from it");
                    }
                    String callee = byPort.get(Integer.parseInt(m.group(2)));
                    if (callee == null) {
                        throw new AssertionError(name + ": " + key + " names port " + m.group(2) + ", no service's");
                    }
                    calls.put(m.group(1), callee);
                }
            }
            services.put(name, new Service(name, Integer.parseInt(p.getProperty("quarkus.http.port")), calls));
        });
        return new ServiceCatalog(services);
    }

    Service get(String name) {
        Service s = services.get(name);
        if (s == null) {
            throw new AssertionError("no service " + name + " among " + services.keySet());
        }
        return s;
    }

    /** The calls as "caller -> callee" lines, sorted. */
    Set<String> edges() {
        Set<String> edges = new TreeSet<>();
        services.values().forEach(s -> s.callees().forEach(c -> edges.add(s.name() + " -> " + c)));
        return edges;
    }
}
