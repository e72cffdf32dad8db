package cn.sc.countyeconomy.reformpilot;

import cn.sc.countyeconomy.api.testing.TestTokens;
import cn.sc.countyeconomy.reformpilot.generated.ApiClient;
import cn.sc.countyeconomy.reformpilot.generated.api.ProgramsApi;
import cn.sc.countyeconomy.reformpilot.generated.model.Program;
import cn.sc.countyeconomy.reformpilot.generated.model.ProgramBatchRequest;
import cn.sc.countyeconomy.reformpilot.generated.model.ProgramRequest;
import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
import com.fasterxml.jackson.databind.DeserializationFeature;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Java client an integrator generates from the published document (openapi/reform-pilot-service.yaml, generated
 * and compiled in this build) works against the running service: it creates a programme and reads it back. The client
 * refuses answer fields its document does not declare, so the document is complete.
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
    void createsAndReadsAProgrammeThroughTheGeneratedClient() throws Exception {
        ProgramsApi programs = new ProgramsApi(client("admin"));
        Program created = programs.createProgram(new ProgramRequest().code("GENCLIENT-1").name("生成客户端测试项目").nameEn("Generated client test")
                .approvingBody("四川省测试机关").launchDate(LocalDate.of(2020, 1, 1)).reformAreas(List.of("INFRASTRUCTURE_CONNECTIVITY"))
                .batches(List.of(new ProgramBatchRequest().number(1).announcedOn(LocalDate.of(2020, 1, 1)))), null);
        Program read = programs.getProgram(created.getId());
        assertEquals("生成客户端测试项目", read.getName());
        assertEquals(LocalDate.of(2020, 1, 1), read.getLaunchDate());
    }
}
