package cn.sc.countyeconomy.deploy;

import cn.sc.countyeconomy.deploy.NetworkPolicyModel.Pod;
import cn.sc.countyeconomy.deploy.NetworkPolicyModel.Port;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The NetworkPolicies against the call graph. The calls the services make are read from their REST clients'
 * configuration ({@link ServiceCatalog}) and must be the architecture's (the table below, also in
 * deploy/kubernetes/README.md); the policies must allow exactly those, each service's connections to its own
 * PostgreSQL cluster and to the cluster DNS, the gateway's and monitoring's requests, and nothing else.
 */
class NetworkPolicyTest {

    /** docs: ARCHITECTURE.md ("assessment, assistance and reform-pilot to the registry; assessment to the other two"). */
    static final Set<String> ARCHITECTURE = Set.of(
            "assessment-service -> county-registry-service",
            "assistance-service -> county-registry-service",
            "reform-pilot-service -> county-registry-service",
            "assessment-service -> assistance-service",
            "assessment-service -> reform-pilot-service");

    static final String NS = "county-economy";

    static ServiceCatalog catalog;

    @BeforeAll
    static void load() {
        catalog = ServiceCatalog.load(Repository.root());
    }

    @Test
    void theServicesConfiguredCallsAreTheArchitecturesTable() {
        assertEquals(new TreeSet<>(ARCHITECTURE), catalog.edges());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void thePoliciesAllowExactlyTheCallGraph(String name) {
        assertEquals(List.of(), violations(Overlay.rendered(name)));
    }

    @Test
    void aForbiddenCallIsRefusedByThePolicies() {
        Cluster c = new Cluster(Overlay.rendered("prod"));
        assertTrue(c.model.allows(c.app("assessment-service"), c.app("county-registry-service"), 8081, "TCP"));
        assertFalse(c.model.allows(c.app("county-registry-service"), c.app("assessment-service"), 8082, "TCP"),
                "the registry calls no one");
        assertFalse(c.model.allows(c.app("assistance-service"), c.app("reform-pilot-service"), 8084, "TCP"));
        assertFalse(c.model.allows(c.app("reform-pilot-service"), c.app("assistance-service"), 8083, "TCP"));
        assertFalse(c.model.allows(c.app("assessment-service"), c.db("county-registry-db"), 5432, "TCP"),
                "one service, one database");
        assertFalse(c.model.allows(c.app("assessment-service"), c.elsewhere, 443, "TCP"), "no egress to the world");
    }

    @Test
    void aPolicyOpeningAForbiddenCallIsReported() {
        String opening = """
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: assistance-to-reform-pilot, namespace: county-economy}
            spec:
              podSelector: {}
              policyTypes: [Ingress, Egress]
              ingress: [{from: [{podSelector: {matchLabels: {app.kubernetes.io/name: assistance-service}}}]}]
              egress: [{to: [{podSelector: {matchLabels: {app.kubernetes.io/name: reform-pilot-service}}}]}]
            """;
        List<String> found = violations(Overlay.of("prod", Overlay.rendered("prod").yaml() + opening));
        assertEquals(List.of("assistance-service -> reform-pilot-service:8084 is allowed; the architecture has no such call"),
                found);
    }

    @Test
    void aDnsRuleThatSelectsNoDnsPodIsReported() {
        // what Kustomize's commonLabels would do: add its label to every selector, the DNS pods' too
        String yaml = Overlay.rendered("prod").yaml().replace("          k8s-app: kube-dns\n",
                "          app.kubernetes.io/part-of: county-economy\n          k8s-app: kube-dns\n");
        List<String> found = violations(Overlay.of("prod", yaml));
        assertFalse(found.isEmpty());
        assertTrue(found.stream().allMatch(v -> v.endsWith("cannot reach the cluster DNS")), found.toString());
    }

    /** Every connection between the pods of the model that the policies decide differently from the call graph. */
    static List<String> violations(Overlay overlay) {
        Cluster c = new Cluster(overlay);
        List<String> out = new ArrayList<>();
        for (var from : c.apps.entrySet()) {
            for (var to : c.apps.entrySet()) {
                if (from.getKey().equals(to.getKey())) {
                    continue;
                }
                int port = catalog.get(to.getKey()).port();
                boolean expected = ARCHITECTURE.contains(from.getKey() + " -> " + to.getKey());
                boolean allowed = c.model.allows(from.getValue(), to.getValue(), port, "TCP");
                if (allowed != expected) {
                    out.add(from.getKey() + " -> " + to.getKey() + ":" + port + (allowed
                            ? " is allowed; the architecture has no such call"
                            : " is refused; the service calls it"));
                }
            }
            for (var db : c.dbs.entrySet()) {
                boolean own = db.getKey().equals(from.getKey().replace("-service", "") + "-db");
                if (c.model.allows(from.getValue(), db.getValue(), 5432, "TCP") != own) {
                    out.add(from.getKey() + " -> " + db.getKey() + ":5432 is " + (own ? "refused" : "allowed"));
                }
                if (c.model.allows(db.getValue(), from.getValue(), catalog.get(from.getKey()).port(), "TCP")) {
                    out.add(db.getKey() + " -> " + from.getKey() + " is allowed; a database calls no service");
                }
            }
            if (!c.model.allows(from.getValue(), c.dns, 53, "UDP")) {
                out.add(from.getKey() + " cannot reach the cluster DNS");
            }
            int port = catalog.get(from.getKey()).port();
            if (!c.model.allows(c.gateway, from.getValue(), port, "TCP")) {
                out.add("the API gateway cannot reach " + from.getKey());
            }
            if (c.model.allows(c.elsewhere, from.getValue(), port, "TCP")) {
                out.add("a pod of another namespace reaches " + from.getKey());
            }
            if (c.model.allows(from.getValue(), c.elsewhere, 443, "TCP")) {
                out.add(from.getKey() + " reaches the world");
            }
        }
        for (var db : c.dbs.entrySet()) {
            if (!c.model.allows(db.getValue(), db.getValue(), 5432, "TCP")) {
                out.add(db.getKey() + " instances cannot replicate from each other");
            }
            if (!c.model.allows(c.operator, db.getValue(), 8000, "TCP")) {
                out.add("the CloudNativePG operator cannot reach " + db.getKey());
            }
            if (!c.model.allows(db.getValue(), c.dns, 53, "UDP")) {
                out.add(db.getKey() + " cannot reach the cluster DNS");
            }
            for (var other : c.dbs.entrySet()) {
                if (!other.getKey().equals(db.getKey()) && c.model.allows(db.getValue(), other.getValue(), 5432, "TCP")) {
                    out.add(db.getKey() + " -> " + other.getKey() + " is allowed");
                }
            }
        }
        return out;
    }

    /** The pods an overlay makes, and those around them (DNS, the gateway, the operator, the rest of the world). */
    static final class Cluster {

        final Map<String, Pod> apps = new LinkedHashMap<>();
        final Map<String, Pod> dbs = new LinkedHashMap<>();
        final Pod dns = new Pod("kube-dns", "kube-system", Map.of("k8s-app", "kube-dns"),
                List.of(new Port("dns", 53, "UDP"), new Port("dns-tcp", 53, "TCP")));
        final Pod gateway = new Pod("gateway", "ingress", Map.of("app", "gateway"), List.of());
        final Pod operator = new Pod("cnpg", "cnpg-system", Map.of("app.kubernetes.io/name", "cloudnative-pg"),
                List.of());
        final Pod elsewhere = new Pod("elsewhere", "someone-else", Map.of("app", "x"),
                List.of(new Port("https", 443, "TCP")));
        final NetworkPolicyModel model;

        Cluster(Overlay overlay) {
            for (Deployment d : overlay.all(Deployment.class)) {
                List<Port> ports = d.getSpec().getTemplate().getSpec().getContainers().stream()
                        .flatMap(c -> c.getPorts().stream())
                        .map(p -> new Port(p.getName(), p.getContainerPort(), p.getProtocol() == null ? "TCP" : p.getProtocol()))
                        .toList();
                apps.put(d.getMetadata().getName(), new Pod(d.getMetadata().getName(), d.getMetadata().getNamespace(),
                        d.getSpec().getTemplate().getMetadata().getLabels(), ports));
            }
            for (Manifests.Doc cluster : overlay.custom("Cluster")) {
                Map<String, String> labels = new HashMap<>();
                cluster.tree().path("spec").path("inheritedMetadata").path("labels").properties()
                        .forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
                // the labels CloudNativePG gives its instance pods
                labels.put("cnpg.io/cluster", cluster.name());
                labels.put("cnpg.io/podRole", "instance");
                labels.put("role", "primary");
                dbs.put(cluster.name(), new Pod(cluster.name(), cluster.tree().path("metadata").path("namespace").asString(),
                        labels, List.of(new Port("postgresql", 5432, "TCP"), new Port("status", 8000, "TCP"),
                                new Port("metrics", 9187, "TCP"))));
            }
            Map<String, Map<String, String>> namespaces = new HashMap<>();
            for (Namespace n : overlay.all(Namespace.class)) {
                Map<String, String> labels = new HashMap<>(n.getMetadata().getLabels() == null ? Map.of() : n.getMetadata().getLabels());
                labels.put("kubernetes.io/metadata.name", n.getMetadata().getName());
                namespaces.put(n.getMetadata().getName(), labels);
            }
            assertTrue(namespaces.containsKey(NS), "the overlay makes the namespace " + NS);
            namespaces.put("kube-system", Map.of("kubernetes.io/metadata.name", "kube-system"));
            namespaces.put("cnpg-system", Map.of("kubernetes.io/metadata.name", "cnpg-system"));
            namespaces.put("ingress", Map.of("kubernetes.io/metadata.name", "ingress", "county-economy.sc.cn/api-gateway", "true"));
            namespaces.put("someone-else", Map.of("kubernetes.io/metadata.name", "someone-else"));
            model = new NetworkPolicyModel(overlay.all(NetworkPolicy.class), namespaces);
        }

        Pod app(String name) {
            return apps.get(name);
        }

        Pod db(String name) {
            return dbs.get(name);
        }
    }
}
