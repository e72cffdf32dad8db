package cn.sc.countyeconomy.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The suite's rules for an OpenAPI document, the ones a client generator and an integrator depend on and that a
 * structural validator (the generator's own, which runs in each service's build) does not check. Each broken rule is
 * one line: where, and what. Checked on every service's served document, so an operation added later is checked too.
 * <ul>
 * <li>{@code servers}, {@code info.license} and a description for every tag an operation uses;</li>
 * <li>every operation has an {@code operationId}: lowerCamelCase, verb first ({@link #VERBS}), unique;</li>
 * <li>every response but 204 has content, and every content a schema;</li>
 * <li>every problem answer has an example whose {@code status} is the answer's status;</li>
 * <li>every array says the type of its items (a page is {@code XPage}, not the generic {@code PageResult});</li>
 * <li>no framework type leaks into the components ({@code JsonNode}, {@code Instant}, ...) and every component is used;</li>
 * <li>every example (parameter, schema, property, media type) conforms to its schema: type, format (date, date-time,
 * uri, int32, int64), enum, pattern, bounds, items and properties.</li>
 * </ul>
 */
public final class OpenApiLint {

    /** The verbs an operationId may start with; the rest of the name says what it acts on. */
    public static final Set<String> VERBS = Set.of("get", "list", "create", "update", "delete", "end", "correct", "export",
            "import", "approve", "reject", "submit", "lock", "unlock", "transition", "publish", "record", "assign", "load",
            "start", "compute", "run", "rank", "compare", "find", "check", "reconcile", "retry", "replace", "evaluate", "accept",
            "close", "cancel", "count", "summarise", "search", "mark", "sync", "set", "add", "remove", "confirm", "return",
            "reopen", "disburse", "commit", "report", "preview", "register", "schedule", "describe", "render", "download",
            "withdraw", "resolve", "audit", "validate", "analyse", "verify");

    static final Set<String> FRAMEWORK_TYPES = Set.of("JsonNode", "JsonNodeType", "ObjectNode", "ArrayNode", "Instant",
            "LocalDate", "LocalDateTime", "OffsetDateTime", "ZonedDateTime", "Duration", "Response", "Object", "URI", "Map",
            "MultivaluedMap", "StreamingOutput");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern OPERATION_ID = Pattern.compile("[a-z]+[A-Z][A-Za-z0-9]*");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    private final JsonNode doc;
    private final List<String> broken = new ArrayList<>();

    private OpenApiLint(JsonNode doc) {
        this.doc = doc;
    }

    /** The broken rules of this document (YAML or JSON), sorted; empty when it follows every rule. */
    public static List<String> check(String document) {
        try {
            OpenApiLint lint = new OpenApiLint(YAML.readTree(document));
            lint.run();
            return List.copyOf(new TreeSet<>(lint.broken));
        } catch (IOException e) {
            throw new UncheckedIOException("not an OpenAPI document", e);
        }
    }

    /** The operationIds of a document (YAML or JSON), for checks across documents. */
    public static List<String> operationIds(String document) {
        try {
            List<String> ids = new ArrayList<>();
            for (JsonNode item : iterable(YAML.readTree(document).path("paths"))) {
                for (String m : METHODS) {
                    if (item.has(m) && item.get(m).hasNonNull("operationId")) {
                        ids.add(item.get(m).get("operationId").asText());
                    }
                }
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException("not an OpenAPI document", e);
        }
    }

    private void run() {
        if (!doc.path("servers").isArray() || doc.path("servers").isEmpty()) {
            broken.add("servers: none");
        }
        if (!doc.path("info").path("license").hasNonNull("name")) {
            broken.add("info.license: none");
        }
        Map<String, String> tagDescriptions = new HashMap<>();
        doc.path("tags").forEach(t -> tagDescriptions.put(t.path("name").asText(), t.path("description").asText("")));
        Set<String> ids = new HashSet<>();
        doc.path("paths").fields().forEachRemaining(path -> {
            for (String m : METHODS) {
                JsonNode op = path.getValue().get(m);
                if (op != null) {
                    operation(m.toUpperCase() + " " + path.getKey(), op, ids, tagDescriptions);
                }
            }
        });
        components();
        examples(doc, "");
    }

    private void operation(String where, JsonNode op, Set<String> ids, Map<String, String> tagDescriptions) {
        String id = op.path("operationId").asText(null);
        if (id == null) {
            broken.add(where + ": no operationId");
        } else {
            if (!OPERATION_ID.matcher(id).matches() || VERBS.stream().noneMatch(v -> id.startsWith(v) && id.length() > v.length()
                    && Character.isUpperCase(id.charAt(v.length())))) {
                broken.add(where + ": operationId '" + id + "' is not verbNoun in lowerCamelCase with a verb of OpenApiLint.VERBS");
            }
            if (!ids.add(id)) {
                broken.add(where + ": operationId '" + id + "' used twice");
            }
        }
        op.path("tags").forEach(t -> {
            if (tagDescriptions.getOrDefault(t.asText(), "").isBlank()) {
                broken.add(where + ": tag '" + t.asText() + "' has no description");
            }
        });
        op.path("responses").fields().forEachRemaining(r -> response(where + " " + r.getKey(), r.getKey(), r.getValue()));
    }

    private void response(String where, String status, JsonNode response) {
        response.path("headers").fields().forEachRemaining(h -> {
            if (!h.getValue().has("schema") && !h.getValue().has("$ref")) {
                broken.add(where + ": header " + h.getKey() + " has no schema");
            }
        });
        JsonNode content = response.path("content");
        if (status.equals("204") || status.startsWith("3")) {
            return;
        }
        if (content.isEmpty()) {
            broken.add(where + ": a response without content");
            return;
        }
        content.fields().forEachRemaining(media -> {
            if (!media.getValue().has("schema") || media.getValue().get("schema").isEmpty()) {
                broken.add(where + " " + media.getKey() + ": no schema");
            }
            if (media.getKey().equals("application/problem+json")) {
                JsonNode example = media.getValue().path("example");
                if (!example.path("status").isInt() || !String.valueOf(example.path("status").asInt()).equals(status)) {
                    broken.add(where + ": the problem example's status is not " + status);
                }
            }
        });
    }

    private void components() {
        JsonNode schemas = doc.path("components").path("schemas");
        Set<String> referenced = new HashSet<>();
        collectRefs(doc.path("paths"), referenced);
        collectRefs(doc.path("components").path("responses"), referenced);
        collectRefs(doc.path("components").path("parameters"), referenced);
        collectRefs(doc.path("components").path("requestBodies"), referenced);
        List<String> todo = new ArrayList<>(referenced);
        while (!todo.isEmpty()) {
            String name = todo.remove(todo.size() - 1);
            Set<String> inner = new HashSet<>();
            collectRefs(schemas.path(name), inner);
            for (String n : inner) {
                if (referenced.add(n)) {
                    todo.add(n);
                }
            }
        }
        referenced.stream().filter(name -> !schemas.has(name)).sorted()
                .forEach(name -> broken.add("#/components/schemas/" + name + ": referenced, not defined"));
        schemas.fieldNames().forEachRemaining(name -> {
            if (FRAMEWORK_TYPES.contains(name)) {
                broken.add("components.schemas." + name + ": a framework type, not part of the API");
            }
            if (!referenced.contains(name)) {
                broken.add("components.schemas." + name + ": not used by any operation");
            }
        });
    }

    private static void collectRefs(JsonNode node, Set<String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref") && e.getValue().asText().startsWith("#/components/schemas/")) {
                    into.add(e.getValue().asText().substring("#/components/schemas/".length()));
                } else {
                    collectRefs(e.getValue(), into);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, into));
        }
    }

    /** Walks the whole document: every node with a schema (or that is one) and an example is checked. */
    private void examples(JsonNode node, String where) {
        if (node.isObject()) {
            if (node.path("type").asText("").equals("array") && node.path("items").isEmpty()) {
                broken.add(where + ": an array without an item type (a generic PageResult or List<Object>?)");
            }
            JsonNode schema = node.has("schema") && node.get("schema").isObject() ? node.get("schema") : null;
            boolean isSchema = where.matches(".*/(schemas/[^/]+|properties/[^/]+|items|schema)$");
            JsonNode own = isSchema ? node : schema;
            if (own != null && !where.contains("/examples/")) {
                if (node.has("example")) {
                    conform(node.get("example"), own, where + "/example", 0);
                }
                if (node.path("examples").isArray() && isSchema) {
                    node.get("examples").forEach(e -> conform(e, own, where + "/examples", 0));
                } else if (node.path("examples").isObject() && !isSchema) {
                    node.get("examples").fields().forEachRemaining(e -> {
                        if (e.getValue().has("value")) {
                            conform(e.getValue().get("value"), own, where + "/examples/" + e.getKey(), 0);
                        }
                    });
                }
            }
            node.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("example") && !e.getKey().equals("examples")) {
                    examples(e.getValue(), where + "/" + e.getKey());
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                examples(node.get(i), where + "/" + i);
            }
        }
    }

    private void conform(JsonNode value, JsonNode schema, String where, int depth) {
        JsonNode s = resolve(schema);
        if (depth > 20 || s == null) {
            return;
        }
        if (s.has("allOf")) {
            s.get("allOf").forEach(part -> conform(value, part, where, depth + 1));
        }
        if (s.has("anyOf") || s.has("oneOf")) {
            return;
        }
        Set<String> types = new HashSet<>();
        if (s.path("type").isArray()) {
            s.get("type").forEach(t -> types.add(t.asText()));
        } else if (s.has("type")) {
            types.add(s.get("type").asText());
        }
        if (s.path("nullable").asBoolean(false)) {
            types.add("null");
        }
        if (!types.isEmpty() && !types.contains(typeOf(value)) && !(types.contains("number") && typeOf(value).equals("integer"))) {
            broken.add(where + ": example " + value + " is not of type " + types);
            return;
        }
        if (s.has("enum")) {
            boolean found = false;
            for (JsonNode e : s.get("enum")) {
                found |= e.equals(value);
            }
            if (!found && !value.isNull()) {
                broken.add(where + ": example " + value + " is not one of " + s.get("enum"));
            }
        }
        if (value.isTextual()) {
            text(value.asText(), s, where);
        } else if (value.isNumber()) {
            if (s.has("minimum") && value.decimalValue().compareTo(s.get("minimum").decimalValue()) < 0
                    || s.has("maximum") && value.decimalValue().compareTo(s.get("maximum").decimalValue()) > 0) {
                broken.add(where + ": example " + value + " is out of bounds");
            }
            if ("int32".equals(s.path("format").asText()) && !value.canConvertToInt()) {
                broken.add(where + ": example " + value + " is not an int32");
            }
        } else if (value.isArray()) {
            if (s.has("items")) {
                for (JsonNode item : value) {
                    conform(item, s.get("items"), where + "[]", depth + 1);
                }
            }
        } else if (value.isObject()) {
            s.path("required").forEach(r -> {
                if (!value.has(r.asText())) {
                    broken.add(where + ": example lacks required property " + r.asText());
                }
            });
            value.fields().forEachRemaining(e -> {
                JsonNode property = s.path("properties").get(e.getKey());
                if (property != null) {
                    conform(e.getValue(), property, where + "." + e.getKey(), depth + 1);
                } else if (s.has("properties") && s.path("additionalProperties").isBoolean()
                        && !s.get("additionalProperties").asBoolean()) {
                    broken.add(where + ": example has unknown property " + e.getKey());
                }
            });
        }
    }

    private void text(String text, JsonNode s, String where) {
        String format = s.path("format").asText("");
        try {
            switch (format) {
                case "date" -> LocalDate.parse(text);
                case "date-time" -> OffsetDateTime.parse(text);
                case "uri" -> {
                    if (!URI.create(text).isAbsolute()) {
                        broken.add(where + ": example '" + text + "' is not an absolute URI");
                    }
                }
                case "uri-reference" -> URI.create(text);
                default -> {
                }
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            broken.add(where + ": example '" + text + "' is not a " + format);
        }
        if (s.has("pattern") && !Pattern.compile(s.get("pattern").asText()).matcher(text).find()) {
            broken.add(where + ": example '" + text + "' does not match " + s.get("pattern").asText());
        }
        if (s.has("minLength") && text.codePointCount(0, text.length()) < s.get("minLength").asInt()
                || s.has("maxLength") && text.codePointCount(0, text.length()) > s.get("maxLength").asInt()) {
            broken.add(where + ": example '" + text + "' has a length out of bounds");
        }
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode node = schema;
        for (int i = 0; node != null && node.has("$ref") && i < 32; i++) {
            String ref = node.get("$ref").asText();
            node = ref.startsWith("#/") ? doc.at(ref.substring(1)) : null;
            if (node != null && node.isMissingNode()) {
                return null;
            }
        }
        return node;
    }

    private static String typeOf(JsonNode v) {
        if (v.isNull()) {
            return "null";
        }
        if (v.isIntegralNumber()) {
            return "integer";
        }
        if (v.isNumber()) {
            return "number";
        }
        if (v.isBoolean()) {
            return "boolean";
        }
        if (v.isArray()) {
            return "array";
        }
        return v.isObject() ? "object" : "string";
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        List<JsonNode> values = new ArrayList<>();
        for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
            values.add(it.next());
        }
        return values;
    }
}
