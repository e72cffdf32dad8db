package cn.sc.countyeconomy.assessment;

import cn.sc.countyeconomy.api.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static cn.sc.countyeconomy.assessment.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The write of an import (COPY into the staging table, then one merge): text survives the CSV of
 * COPY whatever it holds, a second import updates the stored values in place and inserts the new
 * ones, and the audit record counts both. Years 2050-2051 belong to this class.
 */
@QuarkusTest
@TestProfile(AssessmentTestProfile.class)
class BulkWriteTest {

    @Inject
    EntityManager em;

    @BeforeEach
    void registry() {
        SichuanRegistry.state();
    }

    @Test
    void aSecondImportUpdatesInPlaceAndInsertsTheRestAndTextSurvivesCopy() {
        String awkward = "统计局, \"年鉴\" 2050\\N";
        String first = "countyCode,indicatorCode,value,source\n"
                + "510104,GDP,100.25,\"" + awkward.replace("\"", "\"\"") + "\"\n"
                + "510104,FOREST_COVERAGE,40,\n"
                + "510105,GDP,7,\\N\n";
        post(2050, first).body("written", equalTo(3));
        Map<String, Long> ids = ids(2050);
        assertEquals(3, ids.size());
        as("reader").queryParam("county", "510104").queryParam("indicator", "GDP").get("/api/v1/data/2050/values").then().statusCode(200)
                .body("items[0].source", equalTo(awkward)).body("items[0].value", equalTo(100.25));
        as("reader").queryParam("county", "510104").queryParam("indicator", "FOREST_COVERAGE").get("/api/v1/data/2050/values").then()
                .statusCode(200).body("items[0].source", nullValue()).body("items[0].value", equalTo(40.0));
        as("reader").queryParam("county", "510105").get("/api/v1/data/2050/values").then().statusCode(200)
                .body("items[0].source", equalTo("\\N"));

        String second = "countyCode,indicatorCode,value,source\n"
                + "510104,GDP,101.5,second\n"
                + "510105,FOREST_COVERAGE,55.5,second\n";
        post(2050, second).body("written", equalTo(2));
        Map<String, Long> after = ids(2050);
        assertEquals(4, after.size());
        assertEquals(ids.get("510104|GDP"), after.get("510104|GDP"), "updated in place, not replaced");
        assertEquals(ids.get("510105|GDP"), after.get("510105|GDP"));
        assertEquals(4, new HashSet<>(after.values()).size());
        as("reader").queryParam("county", "510104").queryParam("indicator", "GDP").get("/api/v1/data/2050/values").then().statusCode(200)
                .body("items[0].source", equalTo("second")).body("items[0].value", equalTo(101.5));
        as("reader").queryParam("county", "510104").queryParam("indicator", "FOREST_COVERAGE").get("/api/v1/data/2050/values").then()
                .statusCode(200).body("items[0].value", equalTo(40.0));
        as("admin").queryParam("resourceType", "DataImport").queryParam("resourceId", "2050").queryParam("sort", "occurredAt,asc")
                .get("/api/v1/audit").then().statusCode(200).body("items", hasSize(2))
                .body("items[0].after.created", equalTo(3)).body("items[0].after.updated", equalTo(0))
                .body("items[1].after.created", equalTo(1)).body("items[1].after.updated", equalTo(1));
    }

    @Test
    void newValuesTakeIdsInWholeBlocksOfTheSequenceSoNoIdIsHandedOutTwice() {
        StringBuilder csv = new StringBuilder("countyCode,indicatorCode,value\n");
        List<String> counties = List.of("510104", "510105", "510106", "510107", "510108");
        for (String c : counties) {
            for (String i : DataApiTest.INDICATORS) {
                csv.append(c).append(',').append(i).append(",1\n");
            }
        }
        post(2051, csv.toString()).body("written", equalTo(5 * 27));
        Map<String, Long> ids = ids(2051);
        assertEquals(5 * 27, new HashSet<>(ids.values()).size());
        long next = QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("SELECT last_value FROM indicator_value_ids").getSingleResult()).longValue());
        for (long id : ids.values()) {
            assertTrue(id <= next && id > 0, "id " + id + " beyond the sequence's " + next);
        }
    }

    private static io.restassured.response.ValidatableResponse post(int year, String csv) {
        return given().header("Authorization", TestTokens.bearer("editor")).contentType("text/csv; charset=UTF-8").body(csv)
                .post("/api/v1/data/" + year + "/values").then().statusCode(200);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Long> ids(int year) {
        Map<String, Long> ids = new java.util.TreeMap<>();
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("SELECT county_code, indicator_code, id FROM indicator_value WHERE year = :y").setParameter("y", year).getResultList());
        for (Object[] r : rows) {
            ids.put(r[0] + "|" + r[1], ((Number) r[2]).longValue());
        }
        return ids;
    }
}
