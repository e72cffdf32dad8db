package cn.sc.countyeconomy.deploy;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Kubernetes' NetworkPolicy semantics, for deciding offline whether one pod may open a connection to another: the
 * connection needs the source's egress and the destination's ingress. A pod that no policy of a direction selects is
 * open in that direction; one that some policy selects is closed in it but for what those policies' rules allow (a
 * rule allows a peer, when it names peers, and a port, when it names ports). Peers: a podSelector alone selects
 * pods of the policy's namespace; a namespaceSelector selects namespaces (with podSelector, those of their pods that
 * match). ipBlock peers match no pod here (the suite's policies use none). Named ports are the destination
 * container's.
 */
final class NetworkPolicyModel {

    record Port(String name, int number, String protocol) {
    }

    record Pod(String id, String namespace, Map<String, String> labels, List<Port> ports) {
    }

    private final List<NetworkPolicy> policies;
    private final Map<String, Map<String, String>> namespaceLabels;

    /** @param namespaceLabels each namespace's labels (kubernetes.io/metadata.name included) */
    NetworkPolicyModel(List<NetworkPolicy> policies, Map<String, Map<String, String>> namespaceLabels) {
        this.policies = List.copyOf(policies);
        this.namespaceLabels = namespaceLabels;
    }

    boolean allows(Pod from, Pod to, int port, String protocol) {
        return egressAllows(from, to, port, protocol) && ingressAllows(from, to, port, protocol);
    }

    private boolean egressAllows(Pod from, Pod to, int port, String protocol) {
        List<NetworkPolicy> selecting = selecting(from, "Egress");
        if (selecting.isEmpty()) {
            return true;
        }
        for (NetworkPolicy p : selecting) {
            for (var rule : nonNull(p.getSpec().getEgress())) {
                if (peersMatch(rule.getTo(), p, to) && portsMatch(rule.getPorts(), to, port, protocol)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean ingressAllows(Pod from, Pod to, int port, String protocol) {
        List<NetworkPolicy> selecting = selecting(to, "Ingress");
        if (selecting.isEmpty()) {
            return true;
        }
        for (NetworkPolicy p : selecting) {
            for (var rule : nonNull(p.getSpec().getIngress())) {
                if (peersMatch(rule.getFrom(), p, from) && portsMatch(rule.getPorts(), to, port, protocol)) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<NetworkPolicy> selecting(Pod pod, String direction) {
        List<NetworkPolicy> out = new ArrayList<>();
        for (NetworkPolicy p : policies) {
            if (Objects.equals(p.getMetadata().getNamespace(), pod.namespace())
                    && matches(p.getSpec().getPodSelector(), pod.labels()) && types(p).contains(direction)) {
                out.add(p);
            }
        }
        return out;
    }

    private static List<String> types(NetworkPolicy p) {
        List<String> declared = p.getSpec().getPolicyTypes();
        if (declared != null && !declared.isEmpty()) {
            return declared;
        }
        return p.getSpec().getEgress() != null && !p.getSpec().getEgress().isEmpty()
                ? List.of("Ingress", "Egress")
                : List.of("Ingress");
    }

    private boolean peersMatch(List<NetworkPolicyPeer> peers, NetworkPolicy policy, Pod pod) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPeer peer : peers) {
            if (peer.getIpBlock() != null) {
                continue;
            }
            boolean namespaceOk = peer.getNamespaceSelector() == null
                    ? pod.namespace().equals(policy.getMetadata().getNamespace())
                    : matches(peer.getNamespaceSelector(), namespaceLabels.getOrDefault(pod.namespace(), Map.of()));
            boolean podOk = peer.getPodSelector() == null || matches(peer.getPodSelector(), pod.labels());
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean portsMatch(List<NetworkPolicyPort> ports, Pod to, int port, String protocol) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPort p : ports) {
            String proto = p.getProtocol() == null ? "TCP" : p.getProtocol();
            if (!proto.equals(protocol)) {
                continue;
            }
            IntOrString value = p.getPort();
            if (value == null) {
                return true;
            }
            if (value.getIntVal() != null) {
                int end = p.getEndPort() == null ? value.getIntVal() : p.getEndPort();
                if (port >= value.getIntVal() && port <= end) {
                    return true;
                }
            } else {
                for (Port named : to.ports()) {
                    if (value.getStrVal().equals(named.name()) && named.number() == port
                            && named.protocol().equals(protocol)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        if (selector.getMatchLabels() != null) {
            for (var e : selector.getMatchLabels().entrySet()) {
                if (!e.getValue().equals(labels.get(e.getKey()))) {
                    return false;
                }
            }
        }
        for (LabelSelectorRequirement r : nonNull(selector.getMatchExpressions())) {
            String value = labels.get(r.getKey());
            List<String> values = nonNull(r.getValues());
            boolean ok = switch (r.getOperator()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new AssertionError("unknown label selector operator " + r.getOperator());
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
