package cn.sc.countyeconomy.assistance;

import cn.sc.countyeconomy.api.testing.TestTokens;
import cn.sc.countyeconomy.assistance.generated.ApiClient;
import cn.sc.countyeconomy.assistance.generated.api.FiveAssistanceForcesApi;
import cn.sc.countyeconomy.assistance.generated.api.OrganisationsApi;
import cn.sc.countyeconomy.assistance.generated.model.NewOrganisation;
import cn.sc.countyeconomy.assistance.generated.model.Organisation;
import cn.sc.countyeconomy.assistance.generated.model.OrganisationKind;
import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
import com.fasterxml.jackson.databind.DeserializationFeature;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Java client an integrator generates from the published document (openapi/assistance-service.yaml, generated and
 * compiled in this build) works against the running service: it reads the five assistance forces and creates an
 * organisation. The client refuses answer fields its document does not declare, so the document is complete.
 */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class GeneratedClientTest {

    static ApiClient client(String... roles) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + RestAssured.port);
        client.setRequestInterceptor(request -> request.header("Authorization", TestTokens.bearer(roles)));
        client.getObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return client;
    }

    @Test
    void readsTheFiveForcesThroughTheGeneratedClient() throws Exception {
        assertEquals(5, new FiveAssistanceForcesApi(client("reader")).listAssistanceForces().size());
    }

    @Test
    void createsAnOrganisationThroughTheGeneratedClient() throws Exception {
        OrganisationsApi organisations = new OrganisationsApi(client("editor"));
        Organisation created = organisations.createOrganisation(
                new NewOrganisation().name("生成客户端测试单位").kind(OrganisationKind.PROVINCIAL_DEPARTMENT), null);
        assertEquals("生成客户端测试单位", organisations.getOrganisation(created.getId()).getName());
    }
}
