package cn.sc.countyeconomy.registry;

import cn.sc.countyeconomy.api.testing.PostgresTestResource;
import cn.sc.countyeconomy.api.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of division change, the invalid ones (nothing written), the change feed, and the bulk
 * import. Changes run on a test province 990000 (imported first, idempotently), so the Sichuan
 * reference data stays as it is for the other tests.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class DivisionChangeTest {

    static final String ADMIN = TestTokens.bearer("admin");
    static final String READER = TestTokens.bearer("reader");
    static final String TEST_PROVINCE = "code,name,prefecture_code,prefecture_name,province_code,province_name\n"
            + "990101,甲县,990100,甲市,990000,测试省\n990102,乙县,990100,甲市,990000,测试省\n990103,丙县,990100,甲市,990000,测试省\n"
            + "990104,丁县,990100,甲市,990000,测试省\n990105,戊县,990100,甲市,990000,测试省\n990106,己县,990100,甲市,990000,测试省\n"
            + "990107,庚县,990100,甲市,990000,测试省\n990108,辛县,990100,甲市,990000,测试省\n990109,壬县,990100,甲市,990000,测试省\n"
            + "990110,癸县,990100,甲市,990000,测试省\n990201,子县,990200,乙市,990000,测试省\n";

    static void ensureTestProvince() {
        if (given().header("Authorization", READER).when().get("/api/v1/counties/990109").statusCode() == 200) {
            return; // imported by an earlier test; a re-import would now contradict the changes made since
        }
        given().header("Authorization", ADMIN).contentType("text/csv; charset=UTF-8").body(TEST_PROVINCE.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .queryParam("validFrom", "2000-01-01")
                .when().post("/api/v1/divisions/import").then().log().ifValidationFails().statusCode(200);
    }

    static long lastSequence() {
        long after = 0;
        while (true) {
            Response r = given().header("Authorization", READER).queryParam("after", after).queryParam("limit", 1000)
                    .when().get("/api/v1/changes").then().statusCode(200).extract().response();
            after = r.jsonPath().getLong("lastSequence");
            if (!r.jsonPath().getBoolean("hasMore")) {
                return after;
            }
        }
    }

    static Response change(Map<String, Object> body) {
        return given().header("Authorization", ADMIN).contentType("application/json").body(body)
                .when().post("/api/v1/division-changes").then().extract().response();
    }

    @Test
    void renameKeepsTheCodeAndOpensANewVersion() {
        ensureTestProvince();
        Response r = change(Map.of("kind", "RENAME", "effectiveDate", "2024-01-01", "fromCodes", List.of("990101"),
                "successors", List.of(Map.of("name", "甲新县")), "source", "test"));
        assertEquals(201, r.statusCode(), r.asString());
        assertTrue(r.header("Location").endsWith("/api/v1/division-changes/" + r.jsonPath().getLong("id")));
        assertEquals("UPDATED", r.jsonPath().getString("effects[0].action"));
        given().header("Authorization", READER).when().get("/api/v1/counties/990101?asOf=2023-12-31").then()
                .body("name", equalTo("甲县")).body("status", equalTo("ACTIVE")).body("validTo", equalTo("2024-01-01"));
        given().header("Authorization", READER).when().get("/api/v1/counties/990101?asOf=2024-01-01").then()
                .body("name", equalTo("甲新县")).body("nameEn", equalTo("Jiaxin County")).body("validFrom", equalTo("2024-01-01"));
        given().header("Authorization", READER).when().get("/api/v1/counties/990101/history").then()
                .body("versions.name", equalTo(List.of("甲县", "甲新县"))).body("changes[0].kind", equalTo("RENAME"));
    }

    @Test
    void recodeRetiresTheOldCodeWithLineageBothWays() {
        ensureTestProvince();
        Response r = change(Map.of("kind", "RECODE", "effectiveDate", "2024-02-01", "fromCodes", List.of("990102"),
                "successors", List.of(Map.of("code", "990150")), "source", "test"));
        assertEquals(201, r.statusCode(), r.asString());
        given().header("Authorization", READER).when().get("/api/v1/counties/990102").then()
                .body("status", equalTo("RETIRED")).body("successors[0].code", equalTo("990150")).body("retiredBy.kind", equalTo("RECODE"));
        given().header("Authorization", READER).when().get("/api/v1/counties/990150").then()
                .body("status", equalTo("ACTIVE")).body("name", equalTo("乙县")).body("predecessors[0].code", equalTo("990102"));
    }

    @Test
    void upgradeCarriesDesignationsOverWhenAsked() {
        ensureTestProvince();
        Response d = given().header("Authorization", ADMIN).contentType("application/json")
                .body(Map.of("typeCode", "REFORM_PILOT", "countyCode", "990103", "validFrom", "2022-01-01", "sourceRef", "test"))
                .when().post("/api/v1/designations").then().statusCode(201).extract().response();
        long oldId = d.jsonPath().getLong("id");
        Response r = change(Map.of("kind", "UPGRADE", "effectiveDate", "2024-03-01", "fromCodes", List.of("990103"),
                "successors", List.of(Map.of("code", "990181", "name", "丙市", "type", "COUNTY_LEVEL_CITY")),
                "source", "test", "carryOverDesignations", true));
        assertEquals(201, r.statusCode(), r.asString());
        assertTrue(r.jsonPath().getList("effects.action").containsAll(List.of("RETIRED", "CREATED", "ENDED")));
        given().header("Authorization", READER).when().get("/api/v1/designations/" + oldId).then().body("validTo", equalTo("2024-03-01"));
        given().header("Authorization", READER).when().get("/api/v1/counties/990181?asOf=2024-06-01").then()
                .body("type", equalTo("COUNTY_LEVEL_CITY")).body("nameEn", equalTo("Bing City"))
                .body("designations.typeCode", hasItem("REFORM_PILOT")).body("designations[0].validFrom", equalTo("2024-03-01"));
    }

    @Test
    void transferMovesToAnotherPrefecture() {
        ensureTestProvince();
        Response r = change(Map.of("kind", "TRANSFER", "effectiveDate", "2024-04-01", "fromCodes", List.of("990104"),
                "successors", List.of(Map.of("code", "990251", "prefectureCode", "990200")), "source", "test"));
        assertEquals(201, r.statusCode(), r.asString());
        given().header("Authorization", READER).when().get("/api/v1/counties/990251").then()
                .body("prefectureCode", equalTo("990200")).body("prefectureName", equalTo("乙市")).body("name", equalTo("丁县"));
        given().header("Authorization", READER).when().get("/api/v1/counties/990104?asOf=2024-03-31").then()
                .body("status", equalTo("ACTIVE")).body("prefectureName", equalTo("甲市"));
    }

    @Test
    void mergeCarriesTheCategoriesOfTheYearsFromTheChangeOnButNeverThePast() {
        ensureTestProvince();
        for (String code : List.of("990105", "990106")) {
            for (int year : new int[]{2023, 2025}) {
                given().header("Authorization", ADMIN).contentType("application/json")
                        .body(Map.of("countyCode", code, "year", year, "categoryCode", "KEY_DEVELOPMENT", "source", "test"))
                        .when().post("/api/v1/category-assignments").then().statusCode(201);
            }
        }
        Response r = change(Map.of("kind", "MERGE", "effectiveDate", "2024-05-01", "fromCodes", List.of("990105", "990106"),
                "successors", List.of(Map.of("code", "990160", "name", "戊己县")), "source", "test", "carryOverCategories", true));
        assertEquals(201, r.statusCode(), r.asString());
        given().header("Authorization", READER).when().get("/api/v1/counties/990160").then()
                .body("predecessors.code", hasItems("990105", "990106")).body("category.code", equalTo("KEY_DEVELOPMENT"))
                .body("category.year", equalTo(2025));
        given().header("Authorization", READER).queryParam("county", "990160").queryParam("year", 2023).when().get("/api/v1/category-assignments")
                .then().body("totalItems", equalTo(0));
        given().header("Authorization", READER).when().get("/api/v1/counties/990105?asOf=2023-06-01").then()
                .body("category.year", equalTo(2023));
        given().header("Authorization", READER).when().get("/api/v1/counties/990106").then()
                .body("status", equalTo("RETIRED")).body("successors[0].code", equalTo("990160"));
    }

    @Test
    void splitAndAbolish() {
        ensureTestProvince();
        Response r = change(Map.of("kind", "SPLIT", "effectiveDate", "2024-06-01", "fromCodes", List.of("990107"),
                "successors", List.of(Map.of("code", "990171", "name", "庚东区", "type", "DISTRICT"), Map.of("code", "990172", "name", "庚西区")),
                "source", "test"));
        assertEquals(201, r.statusCode(), r.asString());
        given().header("Authorization", READER).when().get("/api/v1/counties/990107").then()
                .body("successors.code", hasItems("990171", "990172"));
        given().header("Authorization", READER).when().get("/api/v1/counties/990172").then().body("type", equalTo("DISTRICT"));
        Response a = change(Map.of("kind", "ABOLISH", "effectiveDate", "2024-06-01", "fromCodes", List.of("990108"), "source", "test"));
        assertEquals(201, a.statusCode(), a.asString());
        given().header("Authorization", READER).when().get("/api/v1/counties/990108").then()
                .body("status", equalTo("RETIRED")).body("successors.size()", equalTo(0)).body("retiredBy.kind", equalTo("ABOLISH"));
    }

    @Test
    void invalidChangesAreRefusedAndWriteNothing() {
        ensureTestProvince();
        long before = lastSequence();
        long changes = given().header("Authorization", READER).when().get("/api/v1/division-changes").then().log().ifValidationFails().statusCode(200).extract()
                .jsonPath().getLong("totalItems");
        record Case(int status, String contains, Map<String, Object> body) {
        }
        List<Case> cases = new ArrayList<>(List.of(
                new Case(422, "990199", Map.of("kind", "RECODE", "effectiveDate", "2024-07-01", "fromCodes", List.of("990199"),
                        "successors", List.of(Map.of("code", "990198")), "source", "t")),
                new Case(409, "retired", Map.of("kind", "RECODE", "effectiveDate", "2024-07-01", "fromCodes", List.of("513425"),
                        "successors", List.of(Map.of("code", "990197")), "source", "t")),
                new Case(422, "must be after", Map.of("kind", "RENAME", "effectiveDate", "1999-01-01", "fromCodes", List.of("990109"),
                        "successors", List.of(Map.of("name", "新壬县")), "source", "t")),
                new Case(409, "in use", Map.of("kind", "RECODE", "effectiveDate", "2024-07-01", "fromCodes", List.of("990109"),
                        "successors", List.of(Map.of("code", "990110")), "source", "t")),
                new Case(422, "itself", Map.of("kind", "MERGE", "effectiveDate", "2024-07-01", "fromCodes", List.of("990109", "990109"),
                        "successors", List.of(Map.of("code", "990109")), "source", "t")),
                new Case(422, "itself", Map.of("kind", "MERGE", "effectiveDate", "2024-07-01", "fromCodes", List.of("990109"),
                        "successors", List.of(Map.of("code", "990109")), "source", "t")),
                new Case(422, "UPGRADE", Map.of("kind", "UPGRADE", "effectiveDate", "2024-07-01", "fromCodes", List.of("990109"),
                        "successors", List.of(Map.of("code", "990196", "type", "COUNTY")), "source", "t")),
                new Case(422, "prefecture", Map.of("kind", "TRANSFER", "effectiveDate", "2024-07-01", "fromCodes", List.of("990109"),
                        "successors", List.of(Map.of("prefectureCode", "990900")), "source", "t")),
                new Case(422, "SPLIT", Map.of("kind", "SPLIT", "effectiveDate", "2024-07-01", "fromCodes", List.of("990109"),
                        "successors", List.of(Map.of("code", "990195")), "source", "t")),
                new Case(422, "kind", Map.of("kind", "TELEPORT", "effectiveDate", "2024-07-01", "fromCodes", List.of("990109"), "source", "t")),
                // the second successor clashes after the first was planned: nothing of the first may remain
                new Case(409, "in use", Map.of("kind", "SPLIT", "effectiveDate", "2024-07-01", "fromCodes", List.of("990109"),
                        "successors", List.of(Map.of("code", "990194", "name", "壬甲县"), Map.of("code", "990110", "name", "壬乙县")), "source", "t"))));
        for (Case c : cases) {
            Response r = change(c.body());
            assertEquals(c.status(), r.statusCode(), c.body() + " -> " + r.asString());
            assertEquals("application/problem+json", r.contentType().split(";")[0]);
            assertTrue(r.jsonPath().getString("detail").contains(c.contains()), r.asString());
        }
        assertEquals(before, lastSequence(), "a refused change writes no feed event");
        given().header("Authorization", READER).when().get("/api/v1/division-changes").then().body("totalItems", equalTo((int) changes));
        given().header("Authorization", READER).when().get("/api/v1/counties/990109").then().body("status", equalTo("ACTIVE"))
                .body("validTo", nullValue()).body("name", equalTo("壬县"));
        given().header("Authorization", READER).when().get("/api/v1/counties/990194").then().statusCode(404);
        given().header("Authorization", TestTokens.bearer("editor")).contentType("application/json")
                .body(cases.get(0).body()).when().post("/api/v1/division-changes").then().statusCode(403);
    }

    @Test
    void feedIsOrderedGapFreeAndReplayableFromAnySequence() {
        ensureTestProvince();
        change(Map.of("kind", "RENAME", "effectiveDate", "2025-01-01", "fromCodes", List.of("990201"),
                "successors", List.of(Map.of("name", "子新县")), "source", "test"));
        List<Long> all = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        long after = 0;
        boolean more = true;
        while (more) {
            Response r = given().header("Authorization", READER).queryParam("after", after).queryParam("limit", 1000)
                    .when().get("/api/v1/changes").then().statusCode(200).extract().response();
            List<Number> seqs = r.jsonPath().getList("events.sequence");
            seqs.forEach(s -> all.add(s.longValue()));
            ids.addAll(r.jsonPath().getList("events.entityId"));
            after = r.jsonPath().getLong("lastSequence");
            more = r.jsonPath().getBoolean("hasMore");
            assertTrue(seqs.size() <= 1000);
        }
        assertTrue(all.size() > 3, "the feed has events");
        for (int i = 0; i < all.size(); i++) {
            assertEquals(i + 1, all.get(i), "sequence " + (i + 1) + " present, in order, no gap");
        }
        for (int from : new int[]{0, 1, all.size() / 2, all.size() - 3}) {
            // small pages from any point give the same events as the full read
            List<String> replay = new ArrayList<>();
            long a = from;
            for (int page = 0; page < 3; page++) {
                Response r = given().header("Authorization", READER).queryParam("after", a).queryParam("limit", 2)
                        .when().get("/api/v1/changes").then().statusCode(200).extract().response();
                replay.addAll(r.jsonPath().getList("events.entityId"));
                a = r.jsonPath().getLong("lastSequence");
            }
            assertEquals(ids.subList(from, Math.min(from + 6, ids.size())), replay, "replay after " + from);
        }
        given().header("Authorization", READER).queryParam("after", all.size()).when().get("/api/v1/changes").then()
                .body("events.size()", equalTo(0)).body("lastSequence", equalTo(all.size())).body("hasMore", equalTo(false));
        given().header("Authorization", READER).queryParam("limit", 1001).when().get("/api/v1/changes").then().statusCode(400)
                .contentType("application/problem+json");
        given().header("Authorization", READER).queryParam("after", "x").when().get("/api/v1/changes").then().statusCode(400);
    }

    static byte[] chinaCsv() throws IOException {
        Path shared = Path.of("../../shared/reference/china/county_level_divisions.csv");
        if (Files.exists(shared)) {
            return Files.readAllBytes(shared);
        }
        try (InputStream in = DivisionChangeTest.class.getClassLoader().getResourceAsStream("seed/china/county_level_divisions.csv")) {
            return in.readAllBytes();
        }
    }

    @Test
    void nationalImportDryRunRealAndReimport() throws IOException {
        byte[] csv = chinaCsv();
        long feedBefore = lastSequence();
        Response dry = given().header("Authorization", ADMIN).contentType("text/csv").body(csv).queryParam("dryRun", "true")
                .when().post("/api/v1/divisions/import").then().log().ifValidationFails().statusCode(200).extract().response();
        assertEquals(2978, dry.jsonPath().getInt("rowsRead"));
        int toCreate = dry.jsonPath().getInt("counties.created");
        int unchanged = dry.jsonPath().getInt("counties.unchanged");
        assertEquals(2978, toCreate + unchanged);
        assertTrue(unchanged >= 183, "Sichuan's 183 are already there: " + unchanged);
        assertEquals(0, dry.jsonPath().getInt("conflictCount"), dry.asString());
        assertEquals(feedBefore, lastSequence(), "a dry run writes nothing");
        given().header("Authorization", READER).when().get("/api/v1/counties/110101").then().statusCode(toCreate > 0 ? 404 : 200);

        Response real = given().header("Authorization", ADMIN).contentType("text/csv").body(csv)
                .when().post("/api/v1/divisions/import").then().log().ifValidationFails().statusCode(200).extract().response();
        assertEquals(toCreate, real.jsonPath().getInt("counties.created"));
        given().header("Authorization", READER).when().get("/api/v1/counties/110101").then().statusCode(200)
                .body("name", equalTo("东城区")).body("nameEn", equalTo("Dongcheng District")).body("prefectureName", equalTo("市辖区"));
        given().header("Authorization", READER).queryParam("province", "110000").when().get("/api/v1/counties").then()
                .body("totalItems", equalTo(16));
        long feedAfter = lastSequence();
        Response again = given().header("Authorization", ADMIN).contentType("text/csv").body(csv)
                .when().post("/api/v1/divisions/import").then().log().ifValidationFails().statusCode(200).extract().response();
        assertEquals(0, again.jsonPath().getInt("counties.created"));
        assertEquals(0, again.jsonPath().getInt("prefectures.created"));
        assertEquals(0, again.jsonPath().getInt("provinces.created"));
        assertEquals(2978, again.jsonPath().getInt("counties.unchanged"));
        assertEquals(feedAfter, lastSequence(), "re-importing changes nothing");
        given().header("Authorization", READER).queryParam("province", "510000").when().get("/api/v1/counties").then()
                .body("totalItems", equalTo(183));
    }

    @Test
    void importRefusesContradictionsAndMalformedRows() {
        long feed = lastSequence();
        given().header("Authorization", ADMIN).contentType("text/csv; charset=UTF-8")
                .body("code,name,prefecture_code,prefecture_name,province_code,province_name\n510522,别的名字,510500,泸州市,510000,四川省\n980101,新县,980100,新市,980000,新省\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/divisions/import").then().log().ifValidationFails().statusCode(409).contentType("application/problem+json")
                .body("report.conflicts[0].line", equalTo(2)).body("report.conflicts[0].code", equalTo("510522"));
        given().header("Authorization", ADMIN).contentType("text/csv")
                .body("code,name,prefecture_code,prefecture_name,province_code,province_name\n98010X,新县,980100,新市,980000,新省\n")
                .when().post("/api/v1/divisions/import").then().log().ifValidationFails().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("line 2.code"));
        given().header("Authorization", ADMIN).contentType("text/csv").body("code,name\n980101,新县\n")
                .when().post("/api/v1/divisions/import").then().log().ifValidationFails().statusCode(422).body("detail", containsString("missing"));
        assertEquals(feed, lastSequence());
        given().header("Authorization", READER).when().get("/api/v1/counties/980101").then().statusCode(404);
        given().header("Authorization", READER).when().get("/api/v1/counties/510522").then().body("name", equalTo("合江县"));
    }
}
