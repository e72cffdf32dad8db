package cn.sc.countyeconomy.api.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
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

/**
 * Writes the shared conventions into every service's OpenAPI document: the Problem schema, the
 * error answers each kind of operation can give (all as application/problem+json), and the
 * X-Request-Id header.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ConventionsOpenApiFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

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
        if (openAPI.getPaths() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            item.getOperations().forEach((method, op) -> addErrors(method, op));
        }
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
