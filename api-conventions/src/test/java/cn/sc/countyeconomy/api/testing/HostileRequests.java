package cn.sc.countyeconomy.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The robustness probe of a service's suite: for every operation of its OpenAPI document, hostile
 * requests (wrong types, overflowing numbers, control characters, blank texts, null elements, huge
 * and deeply nested bodies, malformed JSON, bad path and query values, absent, garbage, expired and
 * foreign tokens) and, for the HTTP layer, an over-long URI, over-large headers and an over-large
 * body. Every answer must be below 500, and every error answer problem+json. All failures are
 * collected and reported together.
 * <p>
 * Deterministic: the cases are enumerated from the document in its sorted order, and the few
 * choices made at random come from a {@link Random} with a fixed seed. Give the service a database of
 * its own (a test profile of its own) since the requests that pass validation do write.
 */
public final class HostileRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final long SEED = 20261201L;

    private final OpenApiOperations api;
    private final String bearer;
    private final Map<String, String> pathValues;
    private final Random random = new Random(SEED);
    private final List<String> failures = new ArrayList<>();
    private int requests;

    private HostileRequests(OpenApiOperations api, String bearer, Map<String, String> pathValues) {
        this.api = api;
        this.bearer = bearer;
        this.pathValues = pathValues;
    }

    /**
     * Probes every operation under {@code /api/} of the service RestAssured points at, sending
     * {@code bearer} (a token with every role) where a token is not itself the hostile part;
     * {@code pathValues} gives a plausible value for a path variable by name (others get 1 or 510522).
     */
    public static int probeEveryOperation(String bearer, Map<String, String> pathValues) {
        long start = System.nanoTime();
        HostileRequests probe = new HostileRequests(OpenApiOperations.load(), bearer, pathValues);
        for (OpenApiOperations.Operation op : probe.api.under("/api/")) {
            probe.tokens(op);
            probe.pathVariables(op);
            probe.queryParameters(op);
            probe.body(op);
        }
        probe.httpLayer();
        System.out.printf("HostileRequests: %d requests to %d operations in %.1f s%n", probe.requests, probe.api.under("/api/").size(),
                (System.nanoTime() - start) / 1e9);
        if (!probe.failures.isEmpty()) {
            fail(probe.failures.size() + " of " + probe.requests + " hostile requests were answered wrongly:\n"
                    + String.join("\n", probe.failures.subList(0, Math.min(60, probe.failures.size()))));
        }
        return probe.requests;
    }

    private void tokens(OpenApiOperations.Operation op) {
        String path = op.expand(plausiblePath(op));
        for (String token : List.of("", "Bearer", "Bearer not.a.jwt", "Bearer " + "A".repeat(5000),
                TestTokens.expiredBearer("admin", "editor", "approver", "reader"), TestTokens.foreignBearer("admin"))) {
            send(op, "token '" + abbreviate(token) + "'", path, null, token, r -> {
            });
        }
    }

    private void pathVariables(OpenApiOperations.Operation op) {
        for (String variable : op.pathVariables()) {
            for (String hostile : List.of("%00", "a%1Fb", "abc", "-1", "99999999999999999999", "%E2%80%AE", "x".repeat(300), "%20", ",")) {
                Map<String, String> values = plausiblePath(op);
                values.put(variable, hostile);
                send(op, "path {" + variable + "}=" + abbreviate(hostile), op.expand(values), null, bearer, r -> {
                });
            }
        }
    }

    private void queryParameters(OpenApiOperations.Operation op) {
        String path = op.expand(plausiblePath(op));
        List<String> names = new ArrayList<>();
        op.parameters("query").forEach(p -> names.add(p.name()));
        for (String name : names) {
            for (String hostile : List.of("%00", "abc", "-1", "99999999999999999999", "x".repeat(3000), ",", "id,sideways")) {
                send(op, "query " + name + "=" + abbreviate(hostile), path + "?" + name + "=" + hostile, null, bearer, r -> {
                });
            }
        }
        if (names.contains("page") && names.contains("size")) {
            for (String q : List.of("page=4294968&size=500", "page=2147483647&size=500", "page=0&size=2147483648",
                    "page=-2147483648&size=1", "page=1000001&size=1")) {
                send(op, "query " + q, path + "?" + q, null, bearer, r -> {
                });
            }
        }
    }

    private void body(OpenApiOperations.Operation op) {
        if (op.requestBody() == null || op.requestBody().jsonSchema().isEmpty()) {
            return;
        }
        String path = op.expand(plausiblePath(op));
        JsonNode schema = api.resolve(op.requestBody().jsonSchema().get());
        JsonNode plausible = plausible(schema, 0);
        for (String raw : List.of("", "{", "null", "[]", "\"text\"", "{\"a\":", "{} {}", "[" + "[".repeat(3000) + "]".repeat(3000) + "]",
                "{\"x\":" + "9".repeat(2000) + "}")) {
            send(op, "body " + abbreviate(raw), path, raw, bearer, r -> {
            });
        }
        if (plausible instanceof ObjectNode object) {
            List<String> fields = new ArrayList<>();
            object.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                JsonNode fieldSchema = api.resolve(schema.path("properties").path(field));
                for (Map.Entry<String, JsonNode> mutation : mutations(fieldSchema, object.get(field)).entrySet()) {
                    ObjectNode copy = object.deepCopy();
                    copy.set(field, mutation.getValue());
                    send(op, "body ." + field + " " + mutation.getKey(), path, copy.toString(), bearer, r -> {
                    });
                }
            }
            if (!fields.isEmpty()) {
                // written as text: Jackson refuses to write a document this deep
                ObjectNode rest = object.deepCopy();
                String field = fields.get(random.nextInt(fields.size()));
                rest.remove(field);
                String deep = "{\"n\":".repeat(2000) + "1" + "}".repeat(2000);
                String nested = "{\"" + field + "\":" + deep + (rest.isEmpty() ? "" : "," + rest.toString().substring(1, rest.toString().length() - 1)) + "}";
                send(op, "body ." + field + " nested 2000 deep", path, nested, bearer, r -> {
                });
            }
        }
    }

    /** Wrong type, overflow, control characters, blank, null, null elements and huge values for one field. */
    private Map<String, JsonNode> mutations(JsonNode schema, JsonNode plausible) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        m.put("null", NODES.nullNode());
        m.put("object", NODES.objectNode().put("x", 1));
        m.put("array", NODES.arrayNode().add(1));
        m.put("string", NODES.textNode("not-a-" + schema.path("type").asText("value")));
        m.put("1e18", NODES.numberNode(new java.math.BigDecimal("1e18")));
        m.put("2^63", NODES.numberNode(new java.math.BigInteger("9223372036854775808")));
        m.put("1e400", NODES.numberNode(new java.math.BigDecimal("1e400")));
        m.put("string 1e18", NODES.textNode("1000000000000000000"));
        m.put("NUL", NODES.textNode("a\u0000b"));
        m.put("spaces", NODES.textNode("   "));
        m.put("ideographic spaces", NODES.textNode("\u3000\u3000"));
        m.put("10k chars", NODES.textNode("长".repeat(10_000)));
        m.put("[null]", NODES.arrayNode().addNull());
        m.put("[null, plausible]", plausible.isArray() && !plausible.isEmpty()
                ? NODES.arrayNode().addNull().add(plausible.get(0))
                : NODES.arrayNode().addNull());
        m.put("{k:null}", NODES.objectNode().putNull("KEY_DEVELOPMENT"));
        if (plausible.isArray() && !plausible.isEmpty()) {
            ArrayNode many = NODES.arrayNode();
            for (int i = 0; i < 2000; i++) {
                many.add(plausible.get(0));
            }
            m.put("2000 elements", many);
            if (plausible.get(0).isObject()) {
                ObjectNode element = (ObjectNode) plausible.get(0);
                Iterator<String> names = element.fieldNames();
                while (names.hasNext()) {
                    String name = names.next();
                    Map<String, JsonNode> elementMutations = new LinkedHashMap<>();
                    elementMutations.put("null", NODES.nullNode());
                    elementMutations.put("NUL", NODES.textNode("\u0000"));
                    elementMutations.put("1e18", NODES.numberNode(new java.math.BigDecimal("1e18")));
                    elementMutations.put("spaces", NODES.textNode("  "));
                    for (Map.Entry<String, JsonNode> inner : elementMutations.entrySet()) {
                        ObjectNode e = element.deepCopy();
                        e.set(name, inner.getValue());
                        m.put("[0]." + name + " " + inner.getKey(), NODES.arrayNode().add(e));
                    }
                }
            }
        }
        if (plausible.isObject()) {
            ObjectNode o = (ObjectNode) plausible;
            Iterator<String> names = o.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                ObjectNode e = o.deepCopy();
                e.putNull(name);
                m.put("." + name + " null", e);
                ObjectNode big = o.deepCopy();
                big.put(name, new java.math.BigDecimal("1e18"));
                m.put("." + name + " 1e18", big);
            }
        }
        return m;
    }

    private void httpLayer() {
        OpenApiOperations.Operation first = api.under("/api/").stream().filter(OpenApiOperations.Operation::isRead).findFirst().orElseThrow();
        String path = first.expand(plausiblePath(first));
        send(first, "URI of 10000 characters", path + "?q=" + "x".repeat(10_000), null, bearer, r -> expectStatus(first, "414", r, 414));
        RequestSpecification big = base(bearer).header("X-Padding", "p".repeat(30_000));
        check(first, "headers of 30 KB", big.get(path), r -> expectStatus(first, "431", r, 431));
        OpenApiOperations.Operation write = api.under("/api/").stream().filter(o -> o.method().equals("POST")).findFirst().orElse(null);
        if (write != null) {
            declaredHugeBody(write, write.expand(plausiblePath(write)));
        }
    }

    /** A POST declaring an 11 MB body, over a socket: the answer must come before the body is sent. */
    private void declaredHugeBody(OpenApiOperations.Operation op, String path) {
        requests++;
        String host = java.net.URI.create(RestAssured.baseURI).getHost();
        try (java.net.Socket socket = new java.net.Socket(host, RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: " + bearer
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + (11 * 1024 * 1024) + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            StringBuilder received = new StringBuilder();
            byte[] buffer = new byte[4096];
            int n;
            while ((n = socket.getInputStream().read(buffer)) > 0) {
                received.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                if (received.indexOf("\r\n\r\n") > 0 && received.toString().endsWith("}")) {
                    break;
                }
            }
            String answer = received.toString();
            if (!answer.startsWith("HTTP/1.1 413") || !answer.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/problem+json")) {
                failures.add(op.key() + " [declared body of 11 MB]: expected 413 problem+json, was " + abbreviate(answer));
            }
        } catch (java.io.IOException e) {
            failures.add(op.key() + " [declared body of 11 MB]: no answer (" + e + ")");
        }
    }

    private void expectStatus(OpenApiOperations.Operation op, String label, Response r, int status) {
        if (r.statusCode() != status) {
            failures.add(op.key() + " [" + label + "]: expected " + status + ", was " + r.statusCode());
        }
    }

    private RequestSpecification base(String token) {
        RequestSpecification spec = RestAssured.given().urlEncodingEnabled(false)
                .config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)));
        if (!token.isEmpty()) {
            spec = spec.header("Authorization", token);
        }
        return spec;
    }

    private void send(OpenApiOperations.Operation op, String label, String pathAndQuery, String body, String token, Consumer<Response> extra) {
        RequestSpecification spec = base(token).header("If-Match", "\"0\"").header("Accept", "application/json");
        if (body != null) {
            spec = spec.contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8));
        }
        Response r;
        try {
            r = spec.request(op.method(), pathAndQuery);
        } catch (RuntimeException e) {
            failures.add(op.key() + " [" + label + "]: no answer (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            requests++;
            return;
        }
        check(op, label, r, extra);
    }

    private void check(OpenApiOperations.Operation op, String label, Response r, Consumer<Response> extra) {
        requests++;
        int status = r.statusCode();
        if (status >= 500) {
            failures.add(op.key() + " [" + label + "]: " + status + " " + abbreviate(r.asString()));
        } else if (status >= 400 && !String.valueOf(r.contentType()).startsWith("application/problem+json")) {
            failures.add(op.key() + " [" + label + "]: " + status + " as " + r.contentType() + ", not problem+json: " + abbreviate(r.asString()));
        }
        extra.accept(r);
    }

    private Map<String, String> plausiblePath(OpenApiOperations.Operation op) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String v : op.pathVariables()) {
            String given = pathValues.get(v);
            if (given == null) {
                given = v.toLowerCase(java.util.Locale.ROOT).contains("code") || v.equals("county") ? "510522" : "1";
            }
            values.put(v, URLEncoder.encode(given, StandardCharsets.UTF_8));
        }
        return values;
    }

    /** A value that fits the schema as far as its types, enums, formats and patterns tell. */
    private JsonNode plausible(JsonNode schemaOrRef, int depth) {
        JsonNode schema = api.resolve(schemaOrRef);
        if (depth > 6) {
            return NODES.nullNode();
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0);
        }
        if (schema.has("allOf") && schema.get("allOf").size() > 0) {
            return plausible(schema.get("allOf").get(0), depth + 1);
        }
        if (schema.has("oneOf") && schema.get("oneOf").size() > 0) {
            return plausible(schema.get("oneOf").get(0), depth + 1);
        }
        if (schema.has("anyOf") && schema.get("anyOf").size() > 0) {
            return plausible(schema.get("anyOf").get(0), depth + 1);
        }
        if (schema.has("example") && !schema.get("example").isContainerNode()) {
            return schema.get("example");
        }
        String type = schema.path("type").isArray() ? schema.path("type").path(0).asText() : schema.path("type").asText("object");
        switch (type) {
            case "string" :
                String format = schema.path("format").asText("");
                String pattern = schema.path("pattern").asText("");
                if (format.equals("date")) {
                    return NODES.textNode("2026-01-01");
                }
                if (format.equals("date-time")) {
                    return NODES.textNode("2026-01-01T00:00:00Z");
                }
                if (pattern.contains("[0-9]{6}") || pattern.contains("\\d{6}")) {
                    return NODES.textNode("510522");
                }
                return NODES.textNode("试点" + random.nextInt(1000));
            case "integer" :
                return NODES.numberNode(schema.has("minimum") ? Math.max(1, schema.get("minimum").asLong()) : 1);
            case "number" :
                return NODES.numberNode(schema.has("minimum") ? Math.max(0.5, schema.get("minimum").asDouble()) : 0.5);
            case "boolean" :
                return NODES.booleanNode(false);
            case "array" :
                return NODES.arrayNode().add(plausible(schema.path("items"), depth + 1));
            default :
                ObjectNode o = NODES.objectNode();
                if (schema.has("properties")) {
                    schema.get("properties").fields().forEachRemaining(e -> {
                        if (!e.getValue().path("readOnly").asBoolean(false)) {
                            o.set(e.getKey(), plausible(e.getValue(), depth + 1));
                        }
                    });
                } else if (schema.has("additionalProperties") && schema.get("additionalProperties").isObject()) {
                    o.set("KEY_DEVELOPMENT", plausible(schema.get("additionalProperties"), depth + 1));
                }
                return o;
        }
    }

    private static String abbreviate(String s) {
        String flat = s.replaceAll("\\p{Cntrl}", "?");
        return flat.length() > 120 ? flat.substring(0, 120) + "…(" + flat.length() + ")" : flat;
    }

    /** For messages only: a JSON text for a value. */
    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            return String.valueOf(value);
        }
    }
}
