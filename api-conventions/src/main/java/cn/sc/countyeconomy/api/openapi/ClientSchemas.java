package cn.sc.countyeconomy.api.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a client generator needs of the schemas, done once for every service: the Java types that SmallRye
 * publishes as components of their own are written inline as what they are on the wire ({@code Instant} a
 * {@code string} of format {@code date-time}, {@code LocalDate} of format {@code date}, Jackson's {@code JsonNode}
 * a free-form object), a typed page schema {@code XPage} (items of {@code X}) is made for every {@code $ref} to
 * one, and components that no operation uses are dropped.
 *
 * <p>
 * A paged operation declares its answer as {@code @Content(schema = @Schema(ref = "CountyPage"))}, where
 * {@code County} is the item's component name: one page shape, generated per item type, so that a generated
 * client's list methods return typed pages.
 */
final class ClientSchemas {

    static final String PAGE_SUFFIX = "Page";
    private static final String PREFIX = "#/components/schemas/";

    /** Component names SmallRye gives Java types, and the schema each one is on the wire. */
    private static final Map<String, Consumer<Schema>> WIRE_TYPES = Map.of(
            "Instant", s -> s.type(List.of(Schema.SchemaType.STRING)).format("date-time"),
            "OffsetDateTime", s -> s.type(List.of(Schema.SchemaType.STRING)).format("date-time"),
            "LocalDate", s -> s.type(List.of(Schema.SchemaType.STRING)).format("date"),
            "LocalDateTime", s -> s.type(List.of(Schema.SchemaType.STRING)).format("date-time"),
            "YearMonth", s -> s.type(List.of(Schema.SchemaType.STRING)).pattern("^\\d{4}-\\d{2}$"),
            "Duration", s -> s.type(List.of(Schema.SchemaType.STRING)).format("duration"),
            "JsonNode", s -> s.type(List.of(Schema.SchemaType.OBJECT)).additionalPropertiesSchema(OASFactory.createSchema()),
            "ObjectNode", s -> s.type(List.of(Schema.SchemaType.OBJECT)).additionalPropertiesSchema(OASFactory.createSchema()));

    private ClientSchemas() {
    }

    static void apply(OpenAPI openAPI, Components components) {
        Map<String, Schema> schemas = components.getSchemas() == null ? Map.of() : components.getSchemas();
        forEachSchema(openAPI, ClientSchemas::inlineWireTypes);
        forEachSchema(openAPI, s -> addPage(s, components));
        for (String name : List.copyOf(schemas.keySet())) {
            if (WIRE_TYPES.containsKey(name) || name.equals("JsonNodeType")) {
                components.removeSchema(name);
            }
        }
        removeUnused(openAPI, components);
    }

    private static void inlineWireTypes(Schema s) {
        String ref = s.getRef();
        if (ref == null || !ref.startsWith(PREFIX)) {
            return;
        }
        Consumer<Schema> wire = WIRE_TYPES.get(ref.substring(PREFIX.length()));
        if (wire != null) {
            s.setRef(null);
            wire.accept(s);
        }
    }

    private static void addPage(Schema s, Components components) {
        String ref = s.getRef();
        if (ref == null || !ref.startsWith(PREFIX) || !ref.endsWith(PAGE_SUFFIX)) {
            return;
        }
        String page = ref.substring(PREFIX.length());
        String item = page.substring(0, page.length() - PAGE_SUFFIX.length());
        Map<String, Schema> schemas = components.getSchemas();
        if (schemas.containsKey(page) || !schemas.containsKey(item)) {
            return;
        }
        components.addSchema(page, OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("A page of " + item + ". RFC 8288 Link headers name the first, prev, next and last pages; "
                        + "X-Total-Count repeats totalItems.")
                .addProperty("items", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().ref(PREFIX + item)).description("The items of this page."))
                .addProperty("page", integer("int32", "This page's number, from 0."))
                .addProperty("size", integer("int32", "The page size asked for."))
                .addProperty("totalItems", integer("int64", "How many items the whole collection has with these filters."))
                .addProperty("totalPages", integer("int32", "How many pages of this size there are."))
                .required(List.of("items", "page", "size", "totalItems", "totalPages")));
    }

    private static Schema integer(String format, String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).format(format).description(description);
    }

    /** Drops the components no operation reaches (records scanned for their @Schema but never answered). */
    private static void removeUnused(OpenAPI openAPI, Components components) {
        if (components.getSchemas() == null) {
            return;
        }
        Set<String> used = new HashSet<>();
        List<String> todo = new ArrayList<>();
        forEachSchema(openAPI, s -> collect(s, used, todo), false);
        while (!todo.isEmpty()) {
            Schema next = components.getSchemas().get(todo.remove(todo.size() - 1));
            if (next != null) {
                walk(next, s -> collect(s, used, todo), identitySet());
            }
        }
        for (String name : List.copyOf(components.getSchemas().keySet())) {
            if (!used.contains(name)) {
                components.removeSchema(name);
            }
        }
    }

    private static void collect(Schema s, Set<String> used, List<String> todo) {
        if (s.getRef() != null && s.getRef().startsWith(PREFIX) && used.add(s.getRef().substring(PREFIX.length()))) {
            todo.add(s.getRef().substring(PREFIX.length()));
        }
    }

    private static void forEachSchema(OpenAPI openAPI, Consumer<Schema> action) {
        forEachSchema(openAPI, action, true);
    }

    /** Every schema of the operations (parameters, bodies, answers, headers), and of the components if asked. */
    private static void forEachSchema(OpenAPI openAPI, Consumer<Schema> action, boolean withComponents) {
        Set<Schema> seen = identitySet();
        if (openAPI.getPaths() != null) {
            for (PathItem item : openAPI.getPaths().getPathItems().values()) {
                parameters(item.getParameters(), action, seen);
                for (Operation op : item.getOperations().values()) {
                    parameters(op.getParameters(), action, seen);
                    if (op.getRequestBody() != null) {
                        content(op.getRequestBody().getContent(), action, seen);
                    }
                    if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                        for (APIResponse r : op.getResponses().getAPIResponses().values()) {
                            content(r.getContent(), action, seen);
                            if (r.getHeaders() != null) {
                                for (Header h : r.getHeaders().values()) {
                                    walk(h.getSchema(), action, seen);
                                }
                            }
                        }
                    }
                }
            }
        }
        Components components = openAPI.getComponents();
        if (withComponents && components != null && components.getSchemas() != null) {
            for (Schema s : new LinkedHashMap<>(components.getSchemas()).values()) {
                walk(s, action, seen);
            }
        }
    }

    /** Schemas by identity: two equal {@code $ref}s are two places to rewrite. */
    private static Set<Schema> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    private static void parameters(List<Parameter> parameters, Consumer<Schema> action, Set<Schema> seen) {
        if (parameters != null) {
            parameters.forEach(p -> walk(p.getSchema(), action, seen));
        }
    }

    private static void content(Content content, Consumer<Schema> action, Set<Schema> seen) {
        if (content != null && content.getMediaTypes() != null) {
            for (MediaType m : content.getMediaTypes().values()) {
                walk(m.getSchema(), action, seen);
            }
        }
    }

    private static void walk(Schema s, Consumer<Schema> action, Set<Schema> seen) {
        if (s == null || !seen.add(s)) {
            return;
        }
        action.accept(s);
        if (s.getProperties() != null) {
            s.getProperties().values().forEach(p -> walk(p, action, seen));
        }
        walk(s.getItems(), action, seen);
        walk(s.getAdditionalPropertiesSchema(), action, seen);
        walk(s.getNot(), action, seen);
        for (List<Schema> list : new List[]{s.getAllOf(), s.getAnyOf(), s.getOneOf()}) {
            if (list != null) {
                list.forEach(p -> walk(p, action, seen));
            }
        }
    }
}
