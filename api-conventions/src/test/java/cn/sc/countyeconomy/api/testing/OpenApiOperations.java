package cn.sc.countyeconomy.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.restassured.RestAssured;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every operation of a running service, read from its OpenAPI document ({@code /q/openapi?format=json}):
 * method, path template, operationId, parameters with their schemas, the request body's schema and the
 * declared responses. Tests that must hold for <em>every</em> operation (the authorization matrix, the
 * robustness test) iterate over {@link #operations()}, so a new operation is covered without anyone
 * remembering to add it.
 *
 * <p>
 * Schemas are given as found; {@link #resolve(JsonNode)} follows a {@code $ref} into
 * {@code components/schemas}. The list is sorted by path, then method, so a test's order does not
 * depend on the document's.
 */
public final class OpenApiOperations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}/]+)}");

    private final JsonNode document;
    private final List<Operation> operations;

    private OpenApiOperations(JsonNode document) {
        this.document = document;
        this.operations = enumerate(document);
    }

    /** The operations of the service RestAssured points at (in a {@code @QuarkusTest}, the one under test). */
    public static OpenApiOperations load() {
        String json = RestAssured.given().accept("application/json").queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().asString();
        return parse(json);
    }

    /** The operations of the service at this base URL, e.g. {@code http://localhost:8081}. */
    public static OpenApiOperations load(String baseUri) {
        String json = RestAssured.given().baseUri(baseUri).accept("application/json").queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().asString();
        return parse(json);
    }

    public static OpenApiOperations parse(String json) {
        try {
            return new OpenApiOperations(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("not an OpenAPI JSON document", e);
        }
    }

    /** Every operation, sorted by path template, then method. */
    public List<Operation> operations() {
        return operations;
    }

    /** The operations whose path starts with this prefix (e.g. {@code /api/}). */
    public List<Operation> under(String pathPrefix) {
        return operations.stream().filter(o -> o.path().startsWith(pathPrefix)).toList();
    }

    public Optional<Operation> find(String method, String path) {
        return operations.stream()
                .filter(o -> o.method().equalsIgnoreCase(method) && o.path().equals(path))
                .findFirst();
    }

    /** The whole document, for what this class does not model. */
    public JsonNode document() {
        return document;
    }

    /** The schema itself when it is a {@code $ref} to {@code #/components/...}; else the node unchanged. */
    public JsonNode resolve(JsonNode schema) {
        JsonNode node = schema;
        for (int depth = 0; node != null && node.has("$ref") && depth < 32; depth++) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                return node;
            }
            JsonNode target = document.at(ref.substring(1));
            if (target.isMissingNode()) {
                return node;
            }
            node = target;
        }
        return node;
    }

    private static List<Operation> enumerate(JsonNode document) {
        List<Operation> result = new ArrayList<>();
        JsonNode paths = document.path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            List<Parameter> shared = parameters(path.getValue().path("parameters"));
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op != null) {
                    result.add(operation(path.getKey(), method, op, shared));
                }
            }
        }
        result.sort(Comparator.comparing(Operation::path).thenComparing(o -> METHODS.indexOf(o.method().toLowerCase(Locale.ROOT))));
        return List.copyOf(result);
    }

    private static Operation operation(String path, String method, JsonNode op, List<Parameter> shared) {
        Map<String, Parameter> params = new LinkedHashMap<>();
        shared.forEach(p -> params.put(p.in() + ":" + p.name(), p));
        parameters(op.path("parameters")).forEach(p -> params.put(p.in() + ":" + p.name(), p));

        JsonNode body = op.path("requestBody");
        Map<String, JsonNode> bodyContent = new LinkedHashMap<>();
        body.path("content").fields().forEachRemaining(e -> bodyContent.put(e.getKey(), e.getValue().path("schema")));
        RequestBody requestBody = body.isMissingNode()
                ? null
                : new RequestBody(body.path("required").asBoolean(false), Map.copyOf(bodyContent));

        Map<String, Response> responses = new LinkedHashMap<>();
        op.path("responses").fields().forEachRemaining(e -> {
            Map<String, JsonNode> content = new LinkedHashMap<>();
            e.getValue().path("content").fields().forEachRemaining(c -> content.put(c.getKey(), c.getValue().path("schema")));
            responses.put(e.getKey(), new Response(e.getKey(), e.getValue().path("description").asText(""), content));
        });

        Map<String, JsonNode> extensions = new LinkedHashMap<>();
        op.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("x-")) {
                extensions.put(e.getKey(), e.getValue());
            }
        });
        List<String> tags = new ArrayList<>();
        op.path("tags").forEach(t -> tags.add(t.asText()));
        String operationId = op.hasNonNull("operationId") ? op.get("operationId").asText() : null;
        return new Operation(method.toUpperCase(Locale.ROOT), path, operationId, List.copyOf(params.values()), requestBody,
                responses, List.copyOf(tags), extensions, op);
    }

    private static List<Parameter> parameters(JsonNode array) {
        List<Parameter> result = new ArrayList<>();
        array.forEach(p -> result.add(new Parameter(p.path("name").asText(), p.path("in").asText(),
                p.path("required").asBoolean(false), p.has("schema") ? p.get("schema") : MissingNode.getInstance())));
        return result;
    }

    /** One operation: {@code method} in upper case, {@code path} as the template ({@code /api/v1/counties/{code}}). */
    public record Operation(String method, String path, String operationId, List<Parameter> parameters,
            RequestBody requestBody, Map<String, Response> responses, List<String> tags,
            Map<String, JsonNode> extensions, JsonNode raw) {

        /** "PUT /api/v1/counties/{code}": how a test names the operation in its messages. */
        public String key() {
            return method + " " + path;
        }

        public boolean isRead() {
            return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        }

        public List<Parameter> parameters(String in) {
            return parameters.stream().filter(p -> p.in().equals(in)).toList();
        }

        public Optional<Parameter> parameter(String in, String name) {
            return parameters.stream().filter(p -> p.in().equals(in) && p.name().equals(name)).findFirst();
        }

        /** The names of the path template's variables, in order. */
        public List<String> pathVariables() {
            List<String> names = new ArrayList<>();
            Matcher m = TEMPLATE.matcher(path);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        /** The path with its variables filled in; a variable without a value is an error. */
        public String expand(Map<String, ?> values) {
            Matcher m = TEMPLATE.matcher(path);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                Object v = values.get(m.group(1));
                if (v == null) {
                    throw new IllegalArgumentException("no value for {" + m.group(1) + "} of " + key());
                }
                m.appendReplacement(sb, Matcher.quoteReplacement(v.toString()));
            }
            m.appendTail(sb);
            return sb.toString();
        }

        /** The declared status codes ("200", "404", "default", ...). */
        public java.util.Set<String> statuses() {
            return responses.keySet();
        }

        /** An {@code x-...} extension of the operation, if present. */
        public Optional<JsonNode> extension(String name) {
            return Optional.ofNullable(extensions.get(name));
        }
    }

    /** A parameter: {@code in} is path, query, header or cookie; the schema is as found (maybe a $ref). */
    public record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /** The request body: its schema per media type. */
    public record RequestBody(boolean required, Map<String, JsonNode> content) {

        /** The schema for JSON (application/json or a +json type), if any. */
        public Optional<JsonNode> jsonSchema() {
            return content.entrySet().stream()
                    .filter(e -> e.getKey().equals("application/json") || e.getKey().endsWith("+json"))
                    .map(Map.Entry::getValue).findFirst();
        }
    }

    /** A declared response: its status ("200", "default"), description and schema per media type. */
    public record Response(String status, String description, Map<String, JsonNode> content) {
    }
}
