package cn.sc.countyeconomy.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rendered YAML stream, each document read into fabric8's typed Kubernetes model. A document is refused when its
 * apiVersion and kind are not a Kubernetes API the model knows (unless it is a custom resource whose CRD schema this
 * module checks: {@link #CUSTOM_KINDS}), when a value does not fit its field's type, or when it has a field the API
 * does not have (fabric8 keeps unknown fields in each object's additionalProperties instead of failing: every object
 * of the tree is walked, and any additional property is an unknown field).
 */
final class Manifests {

    /** Custom resources, validated against their CRD's schema instead ({@link CrdSchema}). */
    static final Set<String> CUSTOM_KINDS = Set.of("postgresql.cnpg.io/v1 Cluster");

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    /** One document of the stream, as a tree and as fabric8's object. */
    record Doc(JsonNode tree, KubernetesResource model) {

        String apiVersion() {
            return tree.path("apiVersion").asString("");
        }

        String kind() {
            return tree.path("kind").asString("");
        }

        String name() {
            return tree.path("metadata").path("name").asString("");
        }

        String id() {
            return kind() + "/" + name();
        }

        boolean isCustom() {
            return CUSTOM_KINDS.contains(apiVersion() + " " + kind());
        }

        @SuppressWarnings("unchecked")
        <T> T as(Class<T> type) {
            return (T) model;
        }
    }

    /** What was refused, one line per problem, naming the document and the field. */
    static final class Refused extends AssertionError {

        final List<String> problems;

        Refused(List<String> problems) {
            super(String.join("\n", problems));
            this.problems = problems;
        }
    }

    private Manifests() {
    }

    static List<JsonNode> trees(String yaml) {
        List<JsonNode> out = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode node = it.next();
                if (node != null && !node.isNull() && !node.isMissingNode() && !node.isEmpty()) {
                    out.add(node);
                }
            }
        }
        return out;
    }

    /** Reads every document strictly; throws {@link Refused} listing every problem found. */
    static List<Doc> read(String yaml) {
        List<Doc> docs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode tree : trees(yaml)) {
            String id = tree.path("apiVersion").asString("?") + " " + tree.path("kind").asString("?") + "/"
                    + tree.path("metadata").path("name").asString("?");
            Object model;
            try {
                model = SERIALIZATION.unmarshal(tree.toString());
            } catch (RuntimeException e) {
                problems.add(id + ": does not fit the Kubernetes API: " + e.getMessage());
                continue;
            }
            if (!(model instanceof HasMetadata hasMetadata) || model instanceof List<?>) {
                problems.add(id + ": not a Kubernetes object");
                continue;
            }
            Doc doc = new Doc(tree, hasMetadata);
            if (model instanceof GenericKubernetesResource generic) {
                if (!doc.isCustom()) {
                    problems.add(id + ": not an API that Kubernetes (1.33, fabric8 " + "8.0.0) serves, nor a custom"
                            + " resource this module validates");
                    continue;
                }
                // only the metadata is typed; the rest is the CRD schema's (CrdSchema)
                unknownFields(generic.getMetadata(), id + " metadata", problems);
            } else {
                unknownFields(model, id, problems);
            }
            docs.add(doc);
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        return docs;
    }

    /** Adds a problem for every additional property (unknown field) anywhere in a fabric8 object tree. */
    static void unknownFields(Object node, String path, List<String> problems) {
        if (node == null) {
            return;
        }
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                unknownFields(list.get(i), path + "[" + i + "]", problems);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, problems));
            return;
        }
        Class<?> type = node.getClass();
        if (!type.getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method m : type.getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || !m.getName().startsWith("get")
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = m.invoke(node);
            } catch (IllegalAccessException | InvocationTargetException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                problems.add(path + "." + property(m) + ": " + cause.getMessage());
                continue;
            }
            if (m.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + extra.keySet());
                }
            } else {
                unknownFields(value, path + "." + property(m), problems);
            }
        }
    }

    private static String property(Method getter) {
        String n = getter.getName().substring(3);
        return n.isEmpty() ? n : Character.toLowerCase(n.charAt(0)) + n.substring(1);
    }
}
