package cn.sc.countyeconomy.api.openapi;

import cn.sc.countyeconomy.api.testing.OpenApiLint;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The four published documents ({@code openapi/*.yaml}, each kept equal to what its service serves by the service's
 * {@code OpenApiContractTest}) taken together: their operationIds are unique across the suite, so that clients
 * generated from several of them, or one gateway in front of all, never meet the same name for two operations.
 */
class PublishedDocumentsTest {

    private static final List<String> SERVICES = List.of("county-registry-service", "assessment-service", "assistance-service",
            "reform-pilot-service");

    @Test
    void operationIdsAreUniqueAcrossTheFourServices() throws IOException {
        Map<String, List<String>> owners = new TreeMap<>();
        for (String service : SERVICES) {
            Path file = Path.of("..", "openapi", service + ".yaml");
            assertTrue(Files.exists(file), "published document missing: " + file.toAbsolutePath().normalize());
            for (String id : OpenApiLint.operationIds(Files.readString(file, StandardCharsets.UTF_8))) {
                owners.computeIfAbsent(id, k -> new ArrayList<>()).add(service);
            }
        }
        List<String> shared = owners.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " " + e.getValue()).toList();
        assertEquals(List.of(), shared);
        assertTrue(owners.size() > 100, "operations found: " + owners.size());
    }
}
