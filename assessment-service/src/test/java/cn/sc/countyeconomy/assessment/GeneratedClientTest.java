package cn.sc.countyeconomy.assessment;

import cn.sc.countyeconomy.api.testing.TestTokens;
import cn.sc.countyeconomy.assessment.generated.ApiClient;
import cn.sc.countyeconomy.assessment.generated.api.FrameworkApi;
import cn.sc.countyeconomy.assessment.generated.model.Indicator;
import cn.sc.countyeconomy.assessment.generated.model.IndicatorInput;
import com.fasterxml.jackson.databind.DeserializationFeature;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Java client an integrator generates from the published document (openapi/assessment-service.yaml, generated and
 * compiled in this build) works against the running service: it reads an indicator of the catalogue and creates one.
 * The client refuses answer fields its document does not declare, so the document is complete.
 */
@QuarkusTest
@TestProfile(AssessmentTestProfile.class)
class GeneratedClientTest {

    static ApiClient client(String... roles) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + RestAssured.port);
        client.setRequestInterceptor(request -> request.header("Authorization", TestTokens.bearer(roles)));
        client.getObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return client;
    }

    @Test
    void readsAnIndicatorThroughTheGeneratedClient() throws Exception {
        // the generated method takes the optional year (null: the latest definition) since definitions are versioned by year
        Indicator gdp = new FrameworkApi(client("reader")).getIndicator("GDP", null);
        assertEquals("GDP", gdp.getCode());
    }

    @Test
    void createsAnIndicatorThroughTheGeneratedClient() throws Exception {
        FrameworkApi framework = new FrameworkApi(client("admin"));
        Indicator created = framework.createIndicator(new IndicatorInput().code("GENERATED_CLIENT_SHARE").name("生成客户端测试指标")
                .nameEn("Generated client test share").unit("%").area("ECONOMIC_DEVELOPMENT").direction("HIGHER_IS_BETTER").source("test"), null);
        assertEquals("生成客户端测试指标", framework.getIndicator(created.getCode(), null).getName());
    }
}
