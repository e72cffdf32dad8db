package cn.sc.countyeconomy.assistance;

import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static cn.sc.countyeconomy.assistance.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of write leaves an audit record with its actor, read in the database and through the API. */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class AuditTrailTest {

    private static final String COUNTY = "513334";

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void registryFacts() {
        DesignatedCounties.install();
    }

    @Test
    void everyKindOfWriteLeavesAnAuditRecordWithTheActor() {
        long org = Api.organisation(Api.unique("四川省商务厅"), "PROVINCIAL_DEPARTMENT");
        as("editor").header("If-Match", "\"0\"").body("{\"name\":\"" + Api.unique("四川省商务厅（更名）") + "\"}").put("/api/v1/organisations/" + org).then()
                .statusCode(200);
        long pairing = Api.pairing(org, COUNTY, "2024-01-01");
        long soe = Api.organisation(Api.unique("四川省铁路产业投资集团"), "PROVINCIAL_SOE");
        long agreement = as("editor").body("{\"organisationId\":" + soe + ",\"countyCode\":\"" + COUNTY + "\",\"title\":\"共同富裕协议\","
                + "\"termStart\":\"2024-01-01\",\"termEnd\":\"2026-12-31\",\"annualSharePercent\":12.5,\"keyIndustries\":[\"牦牛养殖\"]}")
                .post("/api/v1/agreements").then().statusCode(201).extract().jsonPath().getLong("id");
        as("approver").header("If-Match", "\"0\"").body("{\"status\":\"SIGNED\",\"date\":\"2024-01-05\"}").post("/api/v1/agreements/" + agreement + "/status")
                .then().statusCode(200);
        long p = Api.project(org, COUNTY, "2024-02-01", "2024-12-31", true, "SHORT");
        as("editor").header("If-Match", "\"0\"").body("{\"title\":\"更名项目\",\"sector\":\"HEALTH\",\"term\":\"SHORT\",\"keyProject\":true,"
                + "\"plannedStart\":\"2024-02-01\",\"plannedEnd\":\"2024-12-31\",\"budget\":1.00}").put("/api/v1/projects/" + p).then().statusCode(200);
        Api.transition(p, "APPROVED", "2024-01-30");
        long indicator = as("editor").body("{\"title\":\"新增就业\",\"unit\":\"人\",\"baselineYear\":2023,\"baselineValue\":0,"
                + "\"periods\":[{\"periodStart\":\"2024-01-01\",\"periodEnd\":\"2024-12-31\",\"target\":50}]}")
                .post("/api/v1/projects/" + p + "/results").then().statusCode(201).extract().jsonPath().getLong("id");
        long tx = Api.transaction(p, "COMMITMENT", "2024-02-01", "5.00").then().statusCode(201).extract().jsonPath().getLong("id");
        long training = as("editor")
                .body("{\"countyCode\":\"" + COUNTY + "\",\"year\":2024,\"organiserName\":\"县人社局\",\"peopleTrained\":40,\"kind\":\"OTHER\"}")
                .post("/api/v1/training-records").then().statusCode(201).extract().jsonPath().getLong("id");
        long cadre = as("editor")
                .body("{\"countyCode\":\"" + COUNTY + "\",\"organisationId\":" + org + ",\"kind\":\"MENTORING\",\"periodStart\":\"2024-03-01\","
                        + "\"periodEnd\":\"2024-08-31\",\"people\":2}")
                .post("/api/v1/cadre-exchanges").then().statusCode(201).extract().jsonPath().getLong("id");
        long task = as("editor").body("{\"countyCode\":\"" + COUNTY + "\",\"title\":\"审计整改\",\"responsibleUnit\":\"县审计局\",\"deadline\":\"2030-01-01\"}")
                .post("/api/v1/tasks").then().statusCode(201).extract().jsonPath().getLong("id");
        as("editor").header("If-Match", "\"0\"")
                .body("{\"title\":\"审计整改\",\"responsibleUnit\":\"县审计局\",\"deadline\":\"2030-01-01\",\"status\":\"IN_PROGRESS\"}")
                .put("/api/v1/tasks/" + task).then().statusCode(200);
        as("editor").header("If-Match", "\"1\"").delete("/api/v1/tasks/" + task).then().statusCode(204);

        assertActions("AssistingOrganisation", org, "CREATE", "UPDATE");
        assertActions("Pairing", pairing, "CREATE");
        assertActions("Agreement", agreement, "CREATE", "STATUS_CHANGE");
        assertActions("Project", p, "CREATE", "UPDATE", "STATUS_CHANGE");
        assertActions("ResultIndicator", indicator, "CREATE");
        assertActions("FundTransaction", tx, "CREATE");
        assertActions("TrainingRecord", training, "CREATE");
        assertActions("CadreExchange", cadre, "CREATE");
        assertActions("Task", task, "CREATE", "UPDATE", "DELETE");
        var update = AuditRecords.of(dataSource, "Task", task).get(1);
        assertTrue(update.before().contains("OPEN") && update.after().contains("IN_PROGRESS"), update.toString());
        assertTrue(!update.after().contains("responsibleUnit"), "only changed fields are kept: " + update.after());
        // and the admin reads the same trail through the API
        as("admin").queryParam("resourceType", "Task").queryParam("resourceId", String.valueOf(task)).queryParam("sort", "id,asc")
                .get("/api/v1/audit").then().statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items.action", contains("CREATE", "UPDATE", "DELETE"))
                .body("items[1].after.status", equalTo("IN_PROGRESS"))
                .body("items[0].actor", equalTo("test-user"));
        var agreementChange = AuditRecords.of(dataSource, "Agreement", agreement).get(1);
        assertTrue(agreementChange.after().contains("SIGNED") && agreementChange.actor().equals("test-user"), agreementChange.toString());
    }

    private void assertActions(String type, long id, String... actions) {
        var rows = AuditRecords.of(dataSource, type, id);
        assertEquals(List.of(actions), rows.stream().map(AuditRecords.Row::action).collect(Collectors.toList()), type + " " + id);
        assertTrue(rows.stream().allMatch(r -> r.actor().equals("test-user")), rows.toString());
    }
}
