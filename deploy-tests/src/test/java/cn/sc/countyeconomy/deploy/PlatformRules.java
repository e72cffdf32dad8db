package cn.sc.countyeconomy.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a platform team checks in every service's objects: its own ServiceAccount without an API token; probes
 * (startup, readiness, liveness on Quarkus' health endpoints); requests and limits; a restricted security context
 * (non-root, RuntimeDefault seccomp, no privilege escalation, read-only root with an emptyDir on /tmp, all
 * capabilities dropped); a Service, PodDisruptionBudget and HorizontalPodAutoscaler; an image from a registry with a
 * pinned tag; its database (its own CloudNativePG cluster, over verified TLS); its JWT signing key (its own only, and
 * none when it calls no one); the demo-data switch of the environment; no Secret in the manifests.
 */
final class PlatformRules {

    /** What an environment expects. */
    record Expectations(int minReplicas, int databaseInstances, boolean demoData) {
    }

    static final Map<String, Expectations> OVERLAYS = Map.of(
            "dev", new Expectations(1, 1, true),
            "prod", new Expectations(2, 3, false));

    private static final Pattern IMAGE = Pattern
            .compile("([a-z0-9-]+(\\.[a-z0-9-]+)+(:\\d+)?)/([a-z0-9._/-]+):([A-Za-z0-9._-]+)(@sha256:[0-9a-f]{64})?");
    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([a-z0-9-]+)-rw:5432/([a-z_]+)\\?(.*)");

    private PlatformRules() {
    }

    static List<String> check(Overlay overlay, ServiceCatalog catalog, Expectations expected) {
        List<String> problems = new ArrayList<>();
        for (Secret s : overlay.all(Secret.class)) {
            problems.add("Secret/" + s.getMetadata().getName() + " is in the manifests: secrets are made in the"
                    + " cluster (README), never committed");
        }
        ConfigMap shared = overlay.one(ConfigMap.class, "county-economy-config");
        Set<String> servicesWithKeys = new HashSet<>();
        for (ServiceCatalog.Service svc : catalog.services().values()) {
            String n = svc.name();
            Deployment d = overlay.one(Deployment.class, n);
            if (d == null) {
                problems.add(n + ": no Deployment");
                continue;
            }
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            String where = "Deployment/" + n;
            ServiceAccount sa = overlay.one(ServiceAccount.class, n);
            if (sa == null || !Boolean.FALSE.equals(sa.getAutomountServiceAccountToken())) {
                problems.add(n + ": needs its own ServiceAccount with automountServiceAccountToken: false");
            }
            if (!n.equals(pod.getServiceAccountName())) {
                problems.add(where + ": serviceAccountName is " + pod.getServiceAccountName() + ", not " + n);
            }
            if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
                problems.add(where + ": the pod must not mount an API token (automountServiceAccountToken: false)");
            }
            var podSecurity = pod.getSecurityContext();
            if (podSecurity == null || !Boolean.TRUE.equals(podSecurity.getRunAsNonRoot())) {
                problems.add(where + ": securityContext.runAsNonRoot must be true");
            }
            if (podSecurity == null || podSecurity.getSeccompProfile() == null
                    || !"RuntimeDefault".equals(podSecurity.getSeccompProfile().getType())) {
                problems.add(where + ": securityContext.seccompProfile.type must be RuntimeDefault");
            }
            List<Container> containers = new ArrayList<>(pod.getContainers());
            if (pod.getInitContainers() != null) {
                containers.addAll(pod.getInitContainers());
            }
            for (Container c : containers) {
                container(where + " container " + c.getName(), c, pod, problems);
            }
            Container main = pod.getContainers().get(0);
            if (main.getPorts() == null || main.getPorts().stream().noneMatch(p -> p.getContainerPort() == svc.port())) {
                problems.add(where + ": does not expose the service's port " + svc.port());
            }
            probes(where, main, problems);
            database(where, n, main, overlay, problems);
            Set<String> keys = jwtKeys(pod);
            for (String key : keys) {
                if (!key.equals(n + "-jwt-key")) {
                    problems.add(where + ": mounts " + key + ", another service's signing key");
                }
            }
            if (!keys.isEmpty()) {
                servicesWithKeys.add(n);
            }
            if (!svc.callees().isEmpty() && keys.isEmpty()) {
                problems.add(where + ": calls " + svc.callees() + " but mounts no signing key (" + n + "-jwt-key)");
            }
            if (svc.callees().isEmpty() && !keys.isEmpty()) {
                problems.add(where + ": calls no service, so it must hold no signing key");
            }
            String demo = setting(main, shared, "API_DEMO_DATA_ENABLED");
            if (!String.valueOf(expected.demoData()).equals(demo)) {
                problems.add(where + ": API_DEMO_DATA_ENABLED is " + demo + "; " + overlay.name() + " wants "
                        + expected.demoData());
            }
            for (var call : svc.calls().entrySet()) {
                String url = setting(main, shared, call.getKey());
                String want = "http://" + call.getValue() + ":" + catalog.get(call.getValue()).port();
                if (!want.equals(url)) {
                    problems.add(where + ": " + call.getKey() + " is " + url + ", not " + want);
                }
            }
            Service service = overlay.one(Service.class, n);
            if (service == null || service.getSpec().getPorts().stream().noneMatch(p -> p.getPort() == svc.port())) {
                problems.add(n + ": no Service on port " + svc.port());
            }
            PodDisruptionBudget pdb = overlay.one(PodDisruptionBudget.class, n);
            if (pdb == null || !NetworkPolicyModel.matches(pdb.getSpec().getSelector(),
                    d.getSpec().getTemplate().getMetadata().getLabels())) {
                problems.add(n + ": no PodDisruptionBudget selecting its pods");
            }
            HorizontalPodAutoscaler hpa = overlay.one(HorizontalPodAutoscaler.class, n);
            if (hpa == null || !n.equals(hpa.getSpec().getScaleTargetRef().getName())
                    || !"Deployment".equals(hpa.getSpec().getScaleTargetRef().getKind())) {
                problems.add(n + ": no HorizontalPodAutoscaler scaling its Deployment");
            } else if (!Objects.equals(hpa.getSpec().getMinReplicas(), expected.minReplicas())) {
                problems.add(n + ": the autoscaler's minReplicas is " + hpa.getSpec().getMinReplicas() + "; "
                        + overlay.name() + " wants " + expected.minReplicas());
            }
            if (hpa != null && d.getSpec().getReplicas() != null) {
                problems.add(where + ": has replicas although an autoscaler owns the count");
            }
        }
        for (Manifests.Doc cluster : overlay.custom("Cluster")) {
            int instances = cluster.tree().path("spec").path("instances").asInt(-1);
            if (instances != expected.databaseInstances()) {
                problems.add("Cluster/" + cluster.name() + ": " + instances + " instances; " + overlay.name()
                        + " wants " + expected.databaseInstances());
            }
        }
        return problems;
    }

    private static void container(String where, Container c, PodSpec pod, List<String> problems) {
        Matcher image = IMAGE.matcher(Objects.toString(c.getImage(), ""));
        if (!image.matches()) {
            problems.add(where + ": image " + c.getImage() + " is not REGISTRY/NAME:TAG");
        } else if (image.group(5).equals("latest")) {
            problems.add(where + ": image " + c.getImage() + " has the tag latest, not a pinned one");
        }
        ResourceRequirements r = c.getResources();
        for (String kind : List.of("cpu", "memory")) {
            Quantity request = r == null || r.getRequests() == null ? null : r.getRequests().get(kind);
            Quantity limit = r == null || r.getLimits() == null ? null : r.getLimits().get(kind);
            if (request == null) {
                problems.add(where + ": no " + kind + " request");
            }
            if (limit == null) {
                problems.add(where + ": no " + kind + " limit");
            }
            if (request != null && limit != null
                    && request.getNumericalAmount().compareTo(limit.getNumericalAmount()) > 0) {
                problems.add(where + ": the " + kind + " request is above its limit");
            }
        }
        SecurityContext s = c.getSecurityContext();
        if (s == null) {
            problems.add(where + ": no securityContext");
            return;
        }
        if (!Boolean.FALSE.equals(s.getAllowPrivilegeEscalation())) {
            problems.add(where + ": allowPrivilegeEscalation must be false");
        }
        if (Boolean.TRUE.equals(s.getPrivileged())) {
            problems.add(where + ": privileged");
        }
        if (!Boolean.TRUE.equals(s.getReadOnlyRootFilesystem())) {
            problems.add(where + ": readOnlyRootFilesystem must be true");
        }
        if (s.getCapabilities() == null || s.getCapabilities().getDrop() == null
                || !s.getCapabilities().getDrop().contains("ALL")
                || (s.getCapabilities().getAdd() != null && !s.getCapabilities().getAdd().isEmpty())) {
            problems.add(where + ": must drop ALL capabilities and add none");
        }
        VolumeMount tmp = c.getVolumeMounts() == null
                ? null
                : c.getVolumeMounts().stream().filter(m -> "/tmp".equals(m.getMountPath())).findFirst().orElse(null);
        Volume tmpVolume = tmp == null || pod.getVolumes() == null
                ? null
                : pod.getVolumes().stream().filter(v -> v.getName().equals(tmp.getName())).findFirst().orElse(null);
        if (tmpVolume == null || tmpVolume.getEmptyDir() == null) {
            problems.add(where + ": the root filesystem is read-only, so /tmp must be an emptyDir");
        }
    }

    private static void probes(String where, Container c, List<String> problems) {
        probe(where, "startupProbe", c.getStartupProbe(), "/q/health/started", problems);
        probe(where, "readinessProbe", c.getReadinessProbe(), "/q/health/ready", problems);
        probe(where, "livenessProbe", c.getLivenessProbe(), "/q/health/live", problems);
    }

    private static void probe(String where, String which, Probe p, String path, List<String> problems) {
        if (p == null) {
            problems.add(where + ": no " + which);
        } else if (p.getHttpGet() == null || !path.equals(p.getHttpGet().getPath())) {
            problems.add(where + ": " + which + " must GET " + path);
        }
    }

    /** The service's JDBC URL names its own cluster's read-write service and database, over verified TLS. */
    private static void database(String where, String service, Container c, Overlay overlay, List<String> problems) {
        String url = env(c, "QUARKUS_DATASOURCE_JDBC_URL") == null ? null : env(c, "QUARKUS_DATASOURCE_JDBC_URL").getValue();
        Matcher m = url == null ? null : JDBC.matcher(url);
        if (m == null || !m.matches()) {
            problems.add(where + ": QUARKUS_DATASOURCE_JDBC_URL " + url + " is not jdbc:postgresql://CLUSTER-rw:5432/DB?...");
            return;
        }
        String cluster = m.group(1);
        if (!cluster.equals(service.replace("-service", "") + "-db")) {
            problems.add(where + ": uses the database cluster " + cluster + ", not its own");
        }
        if (!m.group(3).contains("sslmode=verify-full")) {
            problems.add(where + ": connects to PostgreSQL without sslmode=verify-full");
        }
        Manifests.Doc doc = overlay.custom("Cluster").stream().filter(d -> d.name().equals(cluster)).findFirst().orElse(null);
        if (doc == null) {
            problems.add(where + ": no CloudNativePG Cluster " + cluster);
            return;
        }
        JsonNode initdb = doc.tree().path("spec").path("bootstrap").path("initdb");
        if (!m.group(2).equals(initdb.path("database").asString()) || !m.group(2).equals(initdb.path("owner").asString())) {
            problems.add(where + ": database " + m.group(2) + " is not the one Cluster/" + cluster + " makes (database "
                    + initdb.path("database").asString() + ", owner " + initdb.path("owner").asString() + ")");
        }
        for (String var : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
            EnvVar e = env(c, var);
            if (e == null || e.getValueFrom() == null || e.getValueFrom().getSecretKeyRef() == null
                    || !(cluster + "-app").equals(e.getValueFrom().getSecretKeyRef().getName())) {
                problems.add(where + ": " + var + " must come from the Secret " + cluster + "-app");
            }
        }
    }

    private static Set<String> jwtKeys(PodSpec pod) {
        Set<String> keys = new HashSet<>();
        for (Volume v : pod.getVolumes() == null ? List.<Volume>of() : pod.getVolumes()) {
            if (v.getSecret() != null && v.getSecret().getSecretName().endsWith("-jwt-key")) {
                keys.add(v.getSecret().getSecretName());
            }
            if (v.getProjected() != null) {
                v.getProjected().getSources().stream()
                        .filter(s -> s.getSecret() != null && s.getSecret().getName().endsWith("-jwt-key"))
                        .forEach(s -> keys.add(s.getSecret().getName()));
            }
        }
        return keys;
    }

    private static EnvVar env(Container c, String name) {
        return c.getEnv() == null
                ? null
                : c.getEnv().stream().filter(e -> name.equals(e.getName())).findFirst().orElse(null);
    }

    /** A variable's value as the container sees it: its own env first, else the shared ConfigMap (envFrom). */
    private static String setting(Container c, ConfigMap shared, String name) {
        EnvVar e = env(c, name);
        if (e != null) {
            return e.getValue();
        }
        boolean fromShared = c.getEnvFrom() != null && c.getEnvFrom().stream()
                .anyMatch(f -> f.getConfigMapRef() != null && "county-economy-config".equals(f.getConfigMapRef().getName()));
        return fromShared && shared != null && shared.getData() != null ? shared.getData().get(name) : null;
    }
}
