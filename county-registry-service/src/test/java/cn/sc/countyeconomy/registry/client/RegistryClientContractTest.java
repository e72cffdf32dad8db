package cn.sc.countyeconomy.registry.client;

import cn.sc.countyeconomy.api.testing.OpenApiOperations;
import cn.sc.countyeconomy.api.testing.PostgresTestResource;
import cn.sc.countyeconomy.api.testing.TestTokens;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * county-registry-client (a hand-written copy of part of this API, used by the three other services) against the
 * registry itself, so that a change here that breaks the callers fails this build, not theirs in production:
 * <ul>
 * <li>every call of the client's {@code RegistryApi} is an operation of this service's document, with its query and
 * path parameters;</li>
 * <li>every component of the client's records is a property of the schema it stands for, of a compatible type
 * (a request record's too: the registry refuses unknown properties);</li>
 * <li>this service's real answers read into the client's records with every component present
 * ({@code FAIL_ON_MISSING_CREATOR_PROPERTIES}: a renamed or removed field fails, a wrong type fails to parse), and
 * what the client sends (its {@code NewDesignation}, {@code DesignationEnd}) is accepted.</li>
 * </ul>
 * Added fields do not break the client (its records ignore them on purpose), so they do not fail here.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class RegistryClientContractTest {

    private static final String READER = TestTokens.bearer("reader");
    private static final String ADMIN = TestTokens.bearer("admin");
    private static final String TYPE = "CLIENT_CONTRACT_TEST";
    /** Reads like the client, but refuses an answer that lacks a field the client reads. */
    private static final ObjectMapper STRICT = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** Which schema of the document each record of the client stands for. */
    private static final Map<Class<?>, String> SCHEMAS = Map.of(
            RegistryCounty.class, "County",
            RegistryCounty.CodeName.class, "CodeName",
            RegistryCounty.Category.class, "CategoryRef",
            RegistryDesignation.class, "Designation",
            RegistryCategoryAssignment.class, "CategoryAssignment",
            NewDesignation.class, "NewDesignation",
            DesignationEnd.class, "EndDesignation");

    @BeforeEach
    void testTypeExists() {
        given().header("Authorization", ADMIN).contentType("application/json")
                .body(Map.of("code", TYPE, "name", "客户端契约测试", "nameEn", "Client contract test"))
                .when().post("/api/v1/designation-types")
                .then().statusCode(anyOf(equalTo(201), equalTo(409)));
    }

    @Test
    void everyCallOfTheClientIsAnOperationOfThisService() {
        OpenApiOperations doc = OpenApiOperations.load();
        List<String> missing = new ArrayList<>();
        for (Method m : RegistryApi.class.getDeclaredMethods()) {
            String verb = m.isAnnotationPresent(GET.class) ? "GET" : m.isAnnotationPresent(POST.class) ? "POST" : "?";
            String path = RegistryApi.class.getAnnotation(Path.class).value() + m.getAnnotation(Path.class).value();
            var op = doc.find(verb, path);
            if (op.isEmpty()) {
                missing.add(verb + " " + path);
                continue;
            }
            for (var p : m.getParameters()) {
                String in = p.isAnnotationPresent(QueryParam.class) ? "query" : p.isAnnotationPresent(PathParam.class) ? "path" : null;
                String name = in == null
                        ? null
                        : in.equals("query") ? p.getAnnotation(QueryParam.class).value() : p.getAnnotation(PathParam.class).value();
                if (in != null && op.get().parameter(in, name).isEmpty()) {
                    missing.add(verb + " " + path + ": " + in + " parameter " + name);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyComponentOfTheClientsRecordsIsAPropertyOfItsSchema() {
        OpenApiOperations doc = OpenApiOperations.load();
        JsonNode schemas = doc.document().path("components").path("schemas");
        List<String> broken = new ArrayList<>();
        SCHEMAS.forEach((record, schemaName) -> {
            JsonNode properties = schemas.path(schemaName).path("properties");
            if (properties.isMissingNode()) {
                broken.add(schemaName + ": no such schema (for " + record.getSimpleName() + ")");
                return;
            }
            for (RecordComponent c : record.getRecordComponents()) {
                JsonNode property = properties.get(c.getName());
                if (property == null) {
                    broken.add(record.getSimpleName() + "." + c.getName() + ": not a property of " + schemaName);
                } else if (!compatible(c.getGenericType(), doc.resolve(property))) {
                    broken.add(record.getSimpleName() + "." + c.getName() + ": " + c.getGenericType().getTypeName()
                            + " does not read " + property);
                }
            }
        });
        assertEquals(List.of(), broken);
    }

    @Test
    void theRegistrysAnswersReadIntoTheClientsRecords() throws Exception {
        RegistryCounty county = read("/api/v1/counties/510522?asOf=2024-06-30", STRICT.constructType(RegistryCounty.class));
        assertEquals("合江县", county.name());
        RegistryCounty retired = read("/api/v1/counties/513425?asOf=2024-06-30", STRICT.constructType(RegistryCounty.class));
        assertTrue(!retired.successors().isEmpty(), "a retired county names its successors");

        RegistryPage<RegistryCounty> counties = read("/api/v1/counties?asOf=2024-06-30&page=0&size=5",
                STRICT.getTypeFactory().constructParametricType(RegistryPage.class, RegistryCounty.class));
        assertEquals(5, counties.items().size());
        RegistryPage<RegistryCategoryAssignment> assignments = read("/api/v1/category-assignments?year=2018&page=0&size=3",
                STRICT.getTypeFactory().constructParametricType(RegistryPage.class, RegistryCategoryAssignment.class));
        assertEquals(3, assignments.items().size());
        RegistryPage<RegistryDesignation> designations = read(
                "/api/v1/designations?type=UNDERDEVELOPED_COUNTY&asOf=2024-06-30&page=0&size=3",
                STRICT.getTypeFactory().constructParametricType(RegistryPage.class, RegistryDesignation.class));
        assertEquals(3, designations.items().size());
        RegistryDesignation one = read("/api/v1/designations/" + designations.items().get(0).id(),
                STRICT.constructType(RegistryDesignation.class));
        assertEquals(designations.items().get(0).countyCode(), one.countyCode());
    }

    @Test
    void theRegistryAcceptsWhatTheClientSends() throws Exception {
        NewDesignation create = new NewDesignation(TYPE, "510522", LocalDate.of(2003, 1, 1), LocalDate.of(2004, 1, 1),
                "client-contract", "契约测试", "client-contract:test");
        String created = given().header("Authorization", ADMIN).contentType("application/json").body(STRICT.writeValueAsString(create))
                .when().post("/api/v1/designations").then().statusCode(201).extract().asString();
        RegistryDesignation designation = STRICT.readValue(created, RegistryDesignation.class);
        assertEquals("client-contract:test", designation.source());

        String ended = given().header("Authorization", ADMIN).header("If-Match", "\"" + designation.version() + "\"")
                .contentType("application/json").body(STRICT.writeValueAsString(new DesignationEnd(LocalDate.of(2003, 7, 1), "契约测试结束")))
                .when().post("/api/v1/designations/" + designation.id() + "/end").then().statusCode(200).extract().asString();
        assertEquals(LocalDate.of(2003, 7, 1), STRICT.readValue(ended, RegistryDesignation.class).validTo());
    }

    private static <T> T read(String path, JavaType type) throws Exception {
        String body = given().header("Authorization", READER).when().get(path).then().statusCode(200).extract().asString();
        T value = STRICT.readValue(body, type);
        assertNotNull(value);
        return value;
    }

    private static boolean compatible(Type type, JsonNode schema) {
        String t = schema.has("type") ? schema.get("type").toString() : "";
        if (schema.has("anyOf") || schema.has("oneOf") || schema.has("allOf")) {
            return true;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw && Collection.class.isAssignableFrom(raw)) {
            return t.contains("array");
        }
        if (type == String.class) {
            return t.contains("string");
        }
        if (type == LocalDate.class) {
            return t.contains("string") && "date".equals(schema.path("format").asText());
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return t.contains("integer");
        }
        if (type instanceof Class<?> c && c.isRecord()) {
            return t.contains("object") || schema.has("properties");
        }
        return false;
    }
}
