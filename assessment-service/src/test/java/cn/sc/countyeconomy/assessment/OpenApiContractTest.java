package cn.sc.countyeconomy.assessment;

import cn.sc.countyeconomy.api.testing.OpenApiDocument;
import cn.sc.countyeconomy.api.testing.OpenApiLint;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document this service serves is the published one ({@code openapi/assessment-service.yaml}, from which its Java
 * client is generated and compiled in this build) and follows the suite's OpenAPI rules ({@link OpenApiLint}).
 */
@QuarkusTest
@TestProfile(AssessmentTestProfile.class)
class OpenApiContractTest {

    @Test
    void servedDocumentIsThePublishedOne() {
        OpenApiDocument.assertServedMatchesPublished("assessment-service");
    }

    @Test
    void documentBreaksNoOpenApiRule() {
        List<String> broken = OpenApiLint.check(OpenApiDocument.served());
        assertTrue(broken.isEmpty(), broken.size() + " broken rules:\n" + String.join("\n", broken));
    }
}
