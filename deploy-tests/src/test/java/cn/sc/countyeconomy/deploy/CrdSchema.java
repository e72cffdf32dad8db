package cn.sc.countyeconomy.deploy;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A custom resource's schema, taken from its CustomResourceDefinition (the openAPIV3Schema of one served version), as
 * a JSON Schema (draft 4, which OpenAPI v3's schema objects follow). The API server prunes or (with kubectl's default
 * strict field validation) refuses fields a structural schema does not declare: here every object schema that lists
 * properties and neither declares additionalProperties nor preserves unknown fields gets additionalProperties: false,
 * so an unknown field is refused. The Kubernetes extensions are translated: x-kubernetes-int-or-string (an integer
 * or a string), nullable. CEL rules (x-kubernetes-validations) are not evaluated.
 */
final class CrdSchema {

    private final Schema schema;
    private final String kind;

    private CrdSchema(Schema schema, String kind) {
        this.schema = schema;
        this.kind = kind;
    }

    /** The schema of {@code version} in the CRD stored as a test resource. */
    static CrdSchema fromResource(String resource, String version) {
        JsonNode crd;
        try (InputStream in = CrdSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("no test resource " + resource);
            }
            crd = new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (JsonNode v : crd.path("spec").path("versions")) {
            if (v.path("name").asString("").equals(version)) {
                JsonNode openApi = v.path("schema").path("openAPIV3Schema").deepCopy();
                strict(openApi);
                Schema s = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(openApi);
                return new CrdSchema(s, crd.path("spec").path("names").path("kind").asString());
            }
        }
        throw new AssertionError(resource + " serves no version " + version);
    }

    /** The problems of one object of this kind, each with where it is; empty when it is valid. */
    List<String> validate(JsonNode object) {
        List<String> problems = new ArrayList<>();
        for (Error e : schema.validate(object)) {
            problems.add(kind + "/" + object.path("metadata").path("name").asString("?") + " "
                    + e.getInstanceLocation() + ": " + e.getMessage());
        }
        return problems;
    }

    private static void strict(JsonNode node) {
        if (node instanceof ArrayNode array) {
            array.forEach(CrdSchema::strict);
            return;
        }
        if (!(node instanceof ObjectNode schema)) {
            return;
        }
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            schema.remove("type");
        }
        if (schema.path("nullable").asBoolean(false) && schema.path("type").isString()) {
            ArrayNode types = JsonNodeFactory.instance.arrayNode();
            types.add(schema.path("type").asString());
            types.add("null");
            schema.set("type", types);
        }
        if (schema.has("properties") && !schema.has("additionalProperties")
                && !schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            schema.put("additionalProperties", false);
        }
        // the sub-schemas: each property's, items, additionalProperties, allOf/anyOf/oneOf/not
        for (Map.Entry<String, JsonNode> e : schema.properties()) {
            String key = e.getKey();
            if (key.equals("properties")) {
                e.getValue().forEach(CrdSchema::strict);
            } else if (e.getValue().isContainer() && !List.of("required", "enum", "default", "example",
                    "x-kubernetes-validations", "x-kubernetes-list-map-keys").contains(key)) {
                strict(e.getValue());
            }
        }
    }
}
