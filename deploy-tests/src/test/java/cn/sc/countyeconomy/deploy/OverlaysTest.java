package cn.sc.countyeconomy.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both overlays render, every object is valid for the Kubernetes API (fabric8's typed model, unknown fields refused)
 * or, for CloudNativePG's Cluster, for its CRD's schema; and every service's objects follow the platform rules. The
 * negative tests show each check refusing what it should.
 */
class OverlaysTest {

    static ServiceCatalog catalog;
    static CrdSchema clusterSchema;

    @BeforeAll
    static void load() {
        catalog = ServiceCatalog.load(Repository.root());
        clusterSchema = CrdSchema.fromResource("/cnpg/postgresql.cnpg.io_clusters.yaml", "v1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectIsValidForItsApi(String name) {
        Overlay overlay = Overlay.rendered(name);
        List<String> kinds = overlay.docs().stream().map(Manifests.Doc::kind).distinct().sorted().toList();
        assertEquals(List.of("Cluster", "ConfigMap", "Deployment", "HorizontalPodAutoscaler", "Namespace",
                "NetworkPolicy", "PodDisruptionBudget", "Service", "ServiceAccount"), kinds);
        List<String> problems = new ArrayList<>();
        for (Manifests.Doc cluster : overlay.custom("Cluster")) {
            problems.addAll(clusterSchema.validate(cluster.tree()));
        }
        assertEquals(List.of(), problems);
        assertEquals(catalog.services().size(), overlay.custom("Cluster").size(), "one PostgreSQL cluster per service");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceFollowsThePlatformRules(String name) {
        assertEquals(List.of(),
                PlatformRules.check(Overlay.rendered(name), catalog, PlatformRules.OVERLAYS.get(name)));
    }

    @Test
    void theCatalogIsTheFourServices() {
        assertEquals(List.of("assessment-service", "assistance-service", "county-registry-service",
                "reform-pilot-service"), catalog.services().keySet().stream().sorted().toList());
    }

    // --- the checks can fail ---

    @Test
    void anUnknownFieldIsRefused() {
        String yaml = Overlay.rendered("prod").yaml().replaceFirst("readinessProbe:", "readinesProbe:");
        Manifests.Refused refused = assertThrows(Manifests.Refused.class, () -> Manifests.read(yaml));
        assertEquals(1, refused.problems.size(), refused.getMessage());
        assertTrue(refused.problems.get(0).matches("apps/v1 Deployment/[a-z-]+\\.spec\\.template\\.spec\\.containers\\[0]:"
                + " unknown field\\(s\\) \\[readinesProbe]"), refused.getMessage());
    }

    @Test
    void aValueOfTheWrongTypeIsRefused() {
        String yaml = Overlay.rendered("prod").yaml().replaceFirst("periodSeconds: 2\n", "periodSeconds: two\n");
        assertThrows(Manifests.Refused.class, () -> Manifests.read(yaml));
    }

    @Test
    void anApiKubernetesDoesNotServeIsRefused() {
        String yaml = Overlay.rendered("prod").yaml().replaceFirst("apiVersion: policy/v1\n", "apiVersion: policy/v2\n");
        Manifests.Refused refused = assertThrows(Manifests.Refused.class, () -> Manifests.read(yaml));
        assertTrue(refused.getMessage().contains("policy/v2 PodDisruptionBudget"), refused.getMessage());
    }

    @Test
    void aDeploymentWithoutAReadinessProbeIsRefused() {
        String yaml = Overlay.rendered("prod").yaml();
        int start = yaml.indexOf("        readinessProbe:\n");
        int end = yaml.indexOf("        resources:\n", start);
        Overlay broken = Overlay.of("prod", yaml.substring(0, start) + yaml.substring(end));
        List<String> problems = PlatformRules.check(broken, catalog, PlatformRules.OVERLAYS.get("prod"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).matches("Deployment/[a-z-]+: no readinessProbe"), problems.toString());
    }

    @Test
    void aWritableRootFilesystemAndTheLatestTagAreRefused() {
        String yaml = Overlay.rendered("prod").yaml()
                .replaceFirst("readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false")
                .replaceFirst("(image: registry.example.invalid/county-economy/[a-z-]+):1.0.0", "$1:latest");
        List<String> problems = PlatformRules.check(Overlay.of("prod", yaml), catalog, PlatformRules.OVERLAYS.get("prod"));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.endsWith("readOnlyRootFilesystem must be true")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.endsWith("has the tag latest, not a pinned one")), problems.toString());
    }

    @Test
    void demoDataOnInProductionIsRefused() {
        String yaml = Overlay.rendered("prod").yaml().replace("API_DEMO_DATA_ENABLED: \"false\"",
                "API_DEMO_DATA_ENABLED: \"true\"");
        List<String> problems = PlatformRules.check(Overlay.of("prod", yaml), catalog, PlatformRules.OVERLAYS.get("prod"));
        assertEquals(catalog.services().size(), problems.size(), problems.toString());
        assertTrue(problems.stream().allMatch(p -> p.contains("API_DEMO_DATA_ENABLED is true; prod wants false")),
                problems.toString());
    }

    @Test
    void anotherServicesSigningKeyIsRefused() {
        String yaml = Overlay.rendered("prod").yaml().replaceFirst("name: assistance-service-jwt-key",
                "name: assessment-service-jwt-key");
        List<String> problems = PlatformRules.check(Overlay.of("prod", yaml), catalog, PlatformRules.OVERLAYS.get("prod"));
        assertTrue(problems.contains("Deployment/assistance-service: mounts assessment-service-jwt-key, another"
                + " service's signing key"), problems.toString());
    }

    @Test
    void aClusterWithAnUnknownFieldOrAWrongTypeIsRefusedByTheCrdSchema() {
        String yaml = Overlay.rendered("prod").yaml()
                .replaceFirst("  instances: 3\n", "  instances: three\n")
                .replaceFirst("enableSuperuserAccess: false", "enableSuperUserAccess: false");
        List<String> problems = new ArrayList<>();
        for (Manifests.Doc cluster : Overlay.of("prod", yaml).custom("Cluster")) {
            problems.addAll(clusterSchema.validate(cluster.tree()));
        }
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("/spec/instances")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("enableSuperUserAccess")), problems.toString());
    }
}
