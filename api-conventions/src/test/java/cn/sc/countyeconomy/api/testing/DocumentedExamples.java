package cn.sc.countyeconomy.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * What Swagger UI's "Try it out" sends for a read operation when nobody edits its fields: each
 * path and query parameter set to its documented {@code example} (an optional parameter without one
 * is left out; a required one without one fails the test), with a token of the first role the
 * operation documents ({@code x-roles}), as the user would have authorised. {@link #send} expects
 * the documented answer: the operation's first 2xx status with the chosen media type.
 */
public final class DocumentedExamples {

    /** The request the examples make and the answer the document promises. */
    public record Example(OpenApiOperations.Operation operation, String path, Map<String, String> query, String role, int status,
            String mediaType) {

        /** Sends the example and checks the documented status and media type; the caller checks the body. */
        public ValidatableResponse send() {
            RequestSpecification request = given().accept(mediaType).queryParams(query);
            if (role != null) {
                request.header("Authorization", TestTokens.bearer(role));
            }
            return request.request(operation.method(), path).then().statusCode(status).contentType(startsWith(mediaType));
        }
    }

    private DocumentedExamples() {
    }

    /**
     * The example of the operation with this id, answering in {@code mediaType} (one of its
     * documented 2xx media types; null: the first).
     */
    public static Example of(OpenApiOperations operations, String operationId, String mediaType) {
        OpenApiOperations.Operation op = operations.operations().stream().filter(o -> operationId.equals(o.operationId())).findFirst()
                .orElseThrow(() -> new AssertionError("no operation " + operationId + " in the served document"));
        Map<String, String> pathValues = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        for (JsonNode p : op.raw().path("parameters")) {
            String in = p.path("in").asText();
            String name = p.path("name").asText();
            JsonNode example = p.has("example") ? p.get("example") : p.path("schema").get("example");
            if (example == null || example.isNull()) {
                if (p.path("required").asBoolean(false) || in.equals("path")) {
                    throw new AssertionError(operationId + ": required " + in + " parameter " + name + " has no example");
                }
                continue;
            }
            if (in.equals("path")) {
                pathValues.put(name, example.asText());
            } else if (in.equals("query")) {
                query.put(name, example.asText());
            }
        }
        OpenApiOperations.Response ok = op.responses().values().stream().filter(r -> r.status().startsWith("2")).findFirst()
                .orElseThrow(() -> new AssertionError(operationId + " documents no 2xx answer"));
        List<String> types = new ArrayList<>(ok.content().keySet());
        assertFalse(types.isEmpty(), operationId + ": the 2xx answer documents no media type");
        String type = mediaType == null ? types.get(0) : mediaType;
        if (!types.contains(type)) {
            throw new AssertionError(operationId + " does not document " + type + " for " + ok.status() + ", only " + types);
        }
        JsonNode roles = op.extension("x-roles").orElse(null);
        String role = roles == null || roles.isEmpty() ? null : roles.get(0).asText();
        return new Example(op, op.expand(pathValues), query, role, Integer.parseInt(ok.status()), type);
    }
}
