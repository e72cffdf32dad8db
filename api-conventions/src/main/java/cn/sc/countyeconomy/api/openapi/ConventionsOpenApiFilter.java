package cn.sc.countyeconomy.api.openapi;

import cn.sc.countyeconomy.api.problem.Problem;
import cn.sc.countyeconomy.api.problem.ProblemType;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the shared conventions into every service's OpenAPI document: the Problem schema, the
 * error answers each kind of operation can give (all as application/problem+json, each with an example of
 * its status), a schema for every body, and the schemas a client generator can use ({@link ClientSchemas}).
 * What cannot be written here (an operationId, a page's item type, an example) is checked on every
 * service's document by the test-jar's {@code OpenApiLint}.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ConventionsOpenApiFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    /** operationIds of the operations in this module, which every service has (see {@link #nameSharedOperations}). */
    static final Set<String> SHARED_OPERATIONS = Set.of("listAuditEntries", "getAuditEntry");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        if (components.getSchemas() == null || !components.getSchemas().containsKey("Problem")) {
            components.addSchema("Problem", problemSchema());
        }
        nameSharedOperations(openAPI, ConfigProvider.getConfig().getOptionalValue("quarkus.application.name", String.class).orElse(null));
        if (openAPI.getPaths() != null) {
            for (PathItem item : openAPI.getPaths().getPathItems().values()) {
                item.getOperations().forEach((method, op) -> {
                    addErrors(method, op);
                    describeBodies(op);
                });
            }
        }
        ClientSchemas.apply(openAPI, components);
    }

    /**
     * The operations every service has from this module (the audit trail) get the service's name in their
     * operationId ({@code listAuditEntries} becomes {@code listCountyRegistryAuditEntries}), so that operationIds
     * are unique across the suite, not only within one document.
     */
    static void nameSharedOperations(OpenAPI openAPI, String applicationName) {
        if (openAPI.getPaths() == null || applicationName == null) {
            return;
        }
        StringBuilder noun = new StringBuilder();
        for (String part : applicationName.replaceFirst("-service$", "").split("-")) {
            if (!part.isEmpty()) {
                noun.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation op : item.getOperations().values()) {
                String id = op.getOperationId();
                if (id != null && SHARED_OPERATIONS.contains(id)) {
                    int verb = id.indexOf(id.chars().filter(Character::isUpperCase).findFirst().orElse('A'));
                    op.setOperationId(id.substring(0, verb) + noun + id.substring(verb));
                }
            }
        }
    }

    /**
     * Every error answer is a problem (also those a resource declared without content), and shows an example of its own status (a 404 a not-found problem, not the schema's 422), and
     * every other body without a schema gets the one its media type implies: GeoJSON an object; a text/* body
     * (CSV, HTML) is a string, whatever row type a resource named for it.
     */
    private static void describeBodies(Operation op) {
        if (op.getResponses() == null || op.getResponses().getAPIResponses() == null) {
            return;
        }
        op.getResponses().getAPIResponses().forEach((status, response) -> {
            if (response.getHeaders() != null) {
                // a header declared with a description only (Retry-After, ETag) is a string to a generator
                response.getHeaders().values().stream().filter(h -> h.getSchema() == null && h.getRef() == null)
                        .forEach(h -> h.setSchema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))));
            }
            boolean noContent = response.getContent() == null || response.getContent().getMediaTypes() == null
                    || response.getContent().getMediaTypes().isEmpty();
            if (noContent && status.matches("[45]\\d\\d")) {
                response.setContent(problemContent());
            } else if (noContent) {
                return;
            }
            response.getContent().getMediaTypes().forEach((type, media) -> {
                if (type.equals(Problem.MEDIA_TYPE)) {
                    if (media.getSchema() == null) {
                        media.setSchema(OASFactory.createSchema().ref(PROBLEM_REF));
                    }
                    if (media.getExample() == null && (media.getExamples() == null || media.getExamples().isEmpty())) {
                        media.setExample(problemExample(status));
                    }
                } else if (type.startsWith("text/")) {
                    media.setSchema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)));
                } else if (media.getSchema() == null && !type.equals("application/json")) {
                    media.setSchema(type.endsWith("json")
                            ? OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                            : OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)));
                }
            });
        });
    }

    /** A problem as the services answer it with this status (the type most often given with it). */
    static Map<String, Object> problemExample(String status) {
        ProblemType type = switch (status) {
            case "400" -> ProblemType.INVALID_PARAMETER;
            case "401" -> ProblemType.UNAUTHENTICATED;
            case "403" -> ProblemType.FORBIDDEN;
            case "404" -> ProblemType.NOT_FOUND;
            case "405" -> ProblemType.METHOD_NOT_ALLOWED;
            case "406" -> ProblemType.NOT_ACCEPTABLE;
            case "409" -> ProblemType.CONFLICT;
            case "410" -> ProblemType.GONE;
            case "412" -> ProblemType.PRECONDITION_FAILED;
            case "415" -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case "422" -> ProblemType.VALIDATION_FAILED;
            case "428" -> ProblemType.PRECONDITION_REQUIRED;
            case "429" -> ProblemType.TOO_MANY_REQUESTS;
            case "502", "503", "504" -> ProblemType.DEPENDENCY_UNAVAILABLE;
            default -> ProblemType.INTERNAL_ERROR;
        };
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", type.uri().toString());
        example.put("title", type.title());
        example.put("status", Integer.parseInt(status));
        example.put("requestId", "3f1c2a9e-5b7d-4c1e-9a0b-2d4e6f8a1c3b");
        return example;
    }

    private void addErrors(PathItem.HttpMethod method, Operation op) {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "Malformed request or invalid parameter");
        boolean secured = op.getSecurity() != null && !op.getSecurity().isEmpty();
        if (secured) {
            errors.put("401", "No valid bearer token");
            errors.put("403", "The token's roles or counties do not allow this");
        }
        errors.put("404", "Not found");
        errors.put("406", "Accept names no media type this operation produces");
        switch (method) {
            case POST -> {
                errors.put("409", "Conflicts with the current state");
                errors.put("415", "Unsupported Content-Type");
                errors.put("422", "Validation failed or a business rule refused the request; "
                        + "or the Idempotency-Key was used before with another body");
            }
            case PUT, PATCH -> {
                errors.put("409", "Conflicts with the current state");
                errors.put("412", "If-Match does not name the current version");
                errors.put("415", "Unsupported Content-Type");
                errors.put("422", "Validation failed or a business rule refused the request");
                errors.put("428", "If-Match is required");
            }
            case DELETE -> {
                errors.put("409", "Conflicts with the current state");
                errors.put("412", "If-Match does not name the current version");
                errors.put("428", "If-Match is required");
            }
            default -> {
            }
        }
        errors.put("500", "Unexpected error; the body carries the request id to quote");
        APIResponses responses = op.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            op.setResponses(responses);
        }
        for (Map.Entry<String, String> e : errors.entrySet()) {
            APIResponse existing = responses.getAPIResponse(e.getKey());
            if (existing == null) {
                responses.addAPIResponse(e.getKey(), problemResponse(e.getValue()));
            } else if (existing.getContent() == null || existing.getContent().getMediaTypes().isEmpty()) {
                existing.setContent(problemContent());
            }
        }
    }

    private static APIResponse problemResponse(String description) {
        return OASFactory.createAPIResponse().description(description).content(problemContent());
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType("application/problem+json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    private static Schema problemSchema() {
        Schema violation = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("field",
                        OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description("Where: field path, query parameter or header"))
                .addProperty("message", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description("What is wrong"));
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details; media type application/problem+json")
                .addProperty("type", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).format("uri")
                        .description("Stable identifier of the kind of problem").examples(List.of("urn:problem-type:sc-county-economy:not-found")))
                .addProperty("title", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("instance", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).format("uri-reference"))
                .addProperty("requestId", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .description("Same as the X-Request-Id response header"))
                .addProperty("violations", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY)).items(violation))
                .required(List.of("type", "title", "status"));
    }
}
