package cn.sc.countyeconomy.registry;

import cn.sc.countyeconomy.api.testing.PostgresTestResource;
import cn.sc.countyeconomy.api.testing.TestTokens;
import cn.sc.countyeconomy.registry.generated.ApiClient;
import cn.sc.countyeconomy.registry.generated.api.CountiesApi;
import cn.sc.countyeconomy.registry.generated.api.DesignationsApi;
import cn.sc.countyeconomy.registry.generated.model.County;
import cn.sc.countyeconomy.registry.generated.model.CountyPage;
import cn.sc.countyeconomy.registry.generated.model.Designation;
import cn.sc.countyeconomy.registry.generated.model.NewDesignation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Java client an integrator generates from the published document (openapi/county-registry-service.yaml, generated
 * and compiled in this build) works against the running service: it reads a county and a typed page of counties, and
 * creates a designation. The client refuses answer fields its document does not declare, so the document is complete.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class GeneratedClientTest {

    private static final String TYPE = "GENERATED_CLIENT_TEST";

    static ApiClient client(String... roles) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + RestAssured.port);
        client.setRequestInterceptor(request -> request.header("Authorization", TestTokens.bearer(roles)));
        client.getObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return client;
    }

    @Test
    void readsACountyAndATypedPageThroughTheGeneratedClient() throws Exception {
        CountiesApi counties = new CountiesApi(client("reader"));
        County county = counties.getCounty("510522", "2024-06-30");
        assertEquals("合江县", county.getName());
        assertEquals("510500", county.getPrefectureCode());
        CountyPage page = counties.listCounties(null, null, null, null, 0, "510500", null, null, 3, null, null, null);
        assertEquals(3, page.getItems().size());
        assertEquals("510500", page.getItems().get(0).getPrefectureCode());
    }

    @Test
    void createsADesignationThroughTheGeneratedClient() throws Exception {
        given().header("Authorization", TestTokens.bearer("admin")).contentType("application/json")
                .body(Map.of("code", TYPE, "name", "生成客户端测试", "nameEn", "Generated client test"))
                .when().post("/api/v1/designation-types").then().statusCode(anyOf(equalTo(201), equalTo(409)));
        DesignationsApi designations = new DesignationsApi(client("admin"));
        Designation created = designations.createDesignation(new NewDesignation().typeCode(TYPE).countyCode("510522")
                .validFrom(LocalDate.of(2005, 1, 1)).validTo(LocalDate.of(2006, 1, 1)).sourceRef("generated-client").note("生成客户端"), null);
        Designation read = designations.getDesignation(String.valueOf(created.getId()));
        assertEquals("510522", read.getCountyCode());
        assertEquals(LocalDate.of(2006, 1, 1), read.getValidTo());
    }
}
