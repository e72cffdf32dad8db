package cn.sc.countyeconomy.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The image build without a Docker engine: the parameterised Dockerfile accepts exactly the services with their
 * configured ports and EXPOSEs only the one built; .dockerignore (Docker's rules: the last pattern matching a path
 * or one of its parents decides, "!" includes again) sends the packaged quarkus-app directories and the JVM options
 * and nothing else: no .git, no other build output, no local runner state.
 */
class DockerBuildTest {

    static String dockerfile;
    static List<String> ignore;
    static ServiceCatalog catalog;

    @BeforeAll
    static void load() throws IOException {
        dockerfile = Files.readString(Repository.root().resolve("deploy/docker/Dockerfile.jvm"), StandardCharsets.UTF_8);
        ignore = Files.readAllLines(Repository.root().resolve(".dockerignore"), StandardCharsets.UTF_8);
        catalog = ServiceCatalog.load(Repository.root());
    }

    @Test
    void theDockerfileTakesEachServiceWithItsOwnPortAndExposesOnlyThat() {
        Matcher pairs = Pattern.compile("case \"\\$\\{SERVICE}:\\$\\{PORT}\" in \\\\\\s*([^)]+)\\)").matcher(dockerfile);
        assertTrue(pairs.find(), "the Dockerfile checks SERVICE:PORT");
        Set<String> accepted = new TreeSet<>(List.of(pairs.group(1).strip().split("\\|")));
        Set<String> configured = new TreeSet<>();
        catalog.services().values().forEach(s -> configured.add(s.name() + ":" + s.port()));
        assertEquals(configured, accepted);
        List<String> exposes = dockerfile.lines().filter(l -> l.startsWith("EXPOSE")).toList();
        assertEquals(List.of("EXPOSE ${PORT}"), exposes);
        assertTrue(dockerfile.contains("USER 185"), "the image runs as a non-root user");
        assertTrue(dockerfile.contains("@jvm/service.options"), "the image uses the services' JVM options");
    }

    @Test
    void theBuildContextHoldsOnlyWhatTheImageNeeds() {
        for (String s : catalog.services().keySet()) {
            assertTrue(sent(s + "/target/quarkus-app/quarkus-run.jar"), s);
            assertTrue(sent(s + "/target/quarkus-app/lib/main/io.quarkus.quarkus-core-3.37.3.jar"), s);
            assertTrue(sent(s + "/target/quarkus-app/app/" + s + "-1.0.0-SNAPSHOT.jar"), s);
            assertTrue(sent(s + "/target/quarkus-app/quarkus/generated-bytecode.jar"), s);
            assertFalse(sent(s + "/target/classes/application.properties"), s);
            assertFalse(sent(s + "/target/" + s + "-1.0.0-SNAPSHOT.jar"), s);
            assertFalse(sent(s + "/target/surefire-reports/TEST-x.xml"), s);
            assertFalse(sent(s + "/src/main/resources/application.properties"), s);
        }
        assertTrue(sent("deploy/jvm/service.options"));
        assertFalse(sent(".git/HEAD"));
        assertFalse(sent("deploy/local/.run/pgdata/PG_VERSION"));
        assertFalse(sent("deploy/local/.run/keys/users.key.pem"));
        assertFalse(sent("bench/results/startup.txt"));
        assertFalse(sent("pom.xml"));
    }

    @Test
    void everyPathTheDockerfileCopiesIsInTheContext() {
        Matcher copy = Pattern.compile("(?m)^COPY (?:--chown=\\S+ )?(\\S+) ").matcher(dockerfile);
        List<String> sources = new ArrayList<>();
        while (copy.find()) {
            sources.add(copy.group(1));
        }
        assertFalse(sources.isEmpty());
        for (String source : sources) {
            for (String s : catalog.services().keySet()) {
                String path = source.replace("${SERVICE}", s).replace("*.jar", "quarkus-run.jar");
                assertTrue(sent(path.endsWith("/") ? path + "x.jar" : path), path);
            }
        }
    }

    /** Whether Docker sends this path of the context, by .dockerignore's rules. */
    static boolean sent(String path) {
        boolean excluded = false;
        for (String raw : ignore) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean include = line.startsWith("!");
            String pattern = (include ? line.substring(1) : line).replaceAll("^/+|/+$", "");
            if (matchesPathOrParent(pattern, path)) {
                excluded = !include;
            }
        }
        return !excluded;
    }

    private static boolean matchesPathOrParent(String pattern, String path) {
        Pattern regex = Pattern.compile(glob(pattern));
        String p = path;
        while (true) {
            if (regex.matcher(p).matches()) {
                return true;
            }
            int slash = p.lastIndexOf('/');
            if (slash < 0) {
                return false;
            }
            p = p.substring(0, slash);
        }
    }

    private static String glob(String pattern) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                out.append(".*");
                i++;
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '/') {
                    out.append("/?");
                    i++;
                }
            } else if (c == '*') {
                out.append("[^/]*");
            } else if (c == '?') {
                out.append("[^/]");
            } else {
                out.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return out.toString();
    }
}
