package cn.sc.countyeconomy.reformpilot;

import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seeded 2020 programme agrees with its source file; demo data is labelled synthetic. */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class SeedAndDemoDataTest extends ApiTest {

    static final String SOURCE = "http://www.sc.gov.cn/10462/10758/10760/10765/2020/7/7/a05d2641de374a6ea51b0b63bd659c74.shtml";

    static List<String[]> csvRows() throws Exception {
        try (var in = SeedAndDemoDataTest.class.getResourceAsStream("/seed/reform_pilots_2020_batch1.csv");
                var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",")).toList();
        }
    }

    @Test
    void theSeededProgrammeHasItsDeadlineAreasAndBatch() {
        given().header("Authorization", READER).when().get("/api/v1/programs/1").then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("name", equalTo("成渝地区双城经济圈建设县域集成改革试点"))
                .body("launchDate", equalTo("2020-07-03"))
                .body("deadline", equalTo("2025-12-31"))
                .body("deadlineNote", containsString("2025"))
                .body("reformAreas", hasSize(8))
                .body("batches[0].number", equalTo(1))
                .body("batches[0].announcedOn", equalTo("2020-07-03"))
                .body("source", equalTo(SOURCE));
        given().header("Authorization", READER).when().get("/api/v1/programs/2").then().statusCode(200)
                .body("name", containsString("1+20")).body("deadline", equalTo(null)).body("reformAreas", contains("URBAN_RURAL_INTEGRATION"));
        // no pilot of programme 2 is seeded (a seeded pilot carries its source); nominations through the API may exist
        given().header("Authorization", READER).queryParam("programId", 2).when().get("/api/v1/pilots").then()
                .body("items.source", org.hamcrest.Matchers.everyItem(equalTo(null)));
    }

    @Test
    void theNineSeededPilotsAgreeWithTheSourceFile() throws Exception {
        List<String[]> rows = csvRows();
        assertEquals(9, rows.size());
        for (String[] row : rows) {
            JsonPath county = given().header("Authorization", READER).when().get("/api/v1/counties/" + row[0] + "/pilots")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(row[0], county.getString("countyCode"));
            Map<String, Object> seeded = county.getList("pilots", Map.class).stream()
                    .filter(p -> ((Number) p.get("programId")).intValue() == 1).findFirst().orElseThrow();
            // the exact shape assessment-service reads
            assertEquals(Set.of("id", "programId", "programName", "batch", "status", "leadingTask", "since"), seeded.keySet());
            assertEquals(Integer.parseInt(row[4]), seeded.get("batch"));
            assertEquals("成渝地区双城经济圈建设县域集成改革试点", seeded.get("programName"));
            long id = ((Number) seeded.get("id")).longValue();
            JsonPath pilot = given().header("Authorization", READER).when().get("/api/v1/pilots/" + id)
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(row[1], pilot.getString("countyName"));
            assertEquals(row[3], pilot.getString("prefectureName"));
            assertEquals(row[6], pilot.getString("source"));
            assertEquals(row[5], pilot.getString("history[0].date"));
            assertEquals("APPROVED", pilot.getString("history[0].to"));
            assertEquals("IMPLEMENTING", pilot.getString("history[1].to"));
            assertEquals("seed", pilot.getString("history[0].actor"));
            assertEquals(SOURCE, pilot.getString("history[0].source"));
            assertTrue(Set.of("IMPLEMENTING", "WITHDRAWN").contains(pilot.getString("status")), pilot.getString("status"));
        }
    }

    @Test
    void pilotsExportAsCsvWithChineseIntact() {
        String csv = given().header("Authorization", READER).header("Accept", "text/csv").queryParam("programId", 1)
                .when().get("/api/v1/pilots").then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("pilots.csv")).extract().asString();
        String[] lines = csv.split("\r?\n");
        assertEquals(10, lines.length, csv);
        assertTrue(lines[0].startsWith("id,programId,batch,countyCode,countyName,prefectureName,status"), lines[0]);
        assertTrue(lines[1].startsWith("1,1,1,510522,合江县,泸州市,"), lines[1]);
    }

    @Test
    void demoDataIsSyntheticLabelledAndLoadedOnce() {
        var first = given().header("Authorization", ADMIN).when().post("/api/v1/demo-data").then().statusCode(200)
                .body("synthetic", equalTo(true)).extract().jsonPath();
        List<Integer> filled = first.getList("pilotsFilled", Integer.class);
        List<Integer> skipped = first.getList("pilotsSkipped", Integer.class);
        assertEquals(9, filled.size() + skipped.size());
        if (!filled.isEmpty()) {
            assertEquals(filled.size() * 5, first.getInt("milestones"));
        }
        for (int id = 1; id <= 8; id++) {
            if (status(id).equals("IMPLEMENTING")) {
                given().header("Authorization", READER).when().get("/api/v1/pilots/" + id + "/leading-task").then().statusCode(200)
                        .body("synthetic", equalTo(true)).body("title", startsWith("【合成示例】"));
            }
        }
        given().header("Authorization", READER).when().get("/api/v1/pilots/1/milestones").then().statusCode(200)
                .body("items.synthetic", org.hamcrest.Matchers.everyItem(equalTo(true)))
                .body("items", hasSize(5));
        given().header("Authorization", READER).when().get("/api/v1/pilots/1/reports").then().statusCode(200)
                .body("items.synthetic", org.hamcrest.Matchers.everyItem(equalTo(true)));
        given().header("Authorization", READER).when().get("/api/v1/counties/510522/pilots").then().statusCode(200)
                .body("pilots[0].leadingTask", startsWith("【合成示例】合江县"));
        // the programme's dashboard now has something to show
        given().header("Authorization", READER).when().get("/api/v1/programs/1/dashboard").then().statusCode(200)
                .body("milestones.total", org.hamcrest.Matchers.greaterThan(0));
        if (!filled.isEmpty()) {
            given().header("Authorization", ADMIN).queryParam("resourceType", "Pilot").queryParam("resourceId", filled.get(0))
                    .queryParam("action", "DEMO_DATA").when().get("/api/v1/audit").then().statusCode(200)
                    .body("items", hasSize(1)).body("items[0].after.synthetic", equalTo(true));
        }
        // a second call fills nothing
        given().header("Authorization", ADMIN).when().post("/api/v1/demo-data").then().statusCode(200)
                .body("pilotsFilled", hasSize(0)).body("milestones", equalTo(0));
    }
}
