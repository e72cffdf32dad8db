package cn.sc.countyeconomy.registry;

import cn.sc.countyeconomy.api.testing.CsvRows;
import cn.sc.countyeconomy.api.testing.PostgresTestResource;
import cn.sc.countyeconomy.api.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The register against the reference files of ../shared/reference (read directly, classpath copy as fallback). */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class ReferenceDataTest {

    static final String READER = TestTokens.bearer("reader");

    static List<Map<String, String>> csv(String sichuanFile) throws IOException {
        Path shared = Path.of("../../shared/reference/sichuan/" + sichuanFile);
        if (Files.exists(shared)) {
            return CsvRows.parse(Files.readAllBytes(shared));
        }
        try (InputStream in = ReferenceDataTest.class.getClassLoader().getResourceAsStream("seed/sichuan/" + sichuanFile)) {
            return CsvRows.parse(in.readAllBytes());
        }
    }

    @Test
    void every183CountyCodeAndNameEqualsCountiesCsv() throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> parents = new LinkedHashMap<>();
        for (Map<String, String> r : csv("counties.csv")) {
            expected.put(r.get("code"), r.get("name"));
            parents.put(r.get("code"), r.get("prefecture_code"));
        }
        assertEquals(183, expected.size());
        Response res = given().header("Authorization", READER).queryParam("province", "510000").queryParam("size", 500)
                .when().get("/api/v1/counties").then().statusCode(200).body("totalItems", equalTo(183)).extract().response();
        List<Map<String, Object>> items = res.jsonPath().getList("items");
        Map<String, String> actual = new LinkedHashMap<>();
        for (Map<String, Object> i : items) {
            actual.put((String) i.get("code"), (String) i.get("name"));
            assertEquals(parents.get(i.get("code")), i.get("prefectureCode"), "prefecture of " + i.get("code"));
            assertEquals("ACTIVE", i.get("status"));
        }
        assertEquals(expected, actual);
    }

    @Test
    void twentyOnePrefecturesInFiveRegions() throws IOException {
        List<Map<String, String>> prefectures = csv("prefectures.csv");
        Response res = given().header("Authorization", READER).queryParam("province", "510000").queryParam("size", 100)
                .when().get("/api/v1/prefectures").then().statusCode(200).body("totalItems", equalTo(21)).extract().response();
        for (Map<String, String> p : prefectures) {
            assertEquals(p.get("name"), res.jsonPath().getString("items.find { it.code == '" + p.get("code") + "' }.name"));
            assertEquals(p.get("region_code"), res.jsonPath().getString("items.find { it.code == '" + p.get("code") + "' }.regionCode"));
        }
        given().header("Authorization", READER).when().get("/api/v1/regions").then().statusCode(200)
                .body("totalItems", equalTo(5)).body("items.countyCount.sum()", equalTo(183));
        given().header("Authorization", READER).when().get("/api/v1/prefectures/513400").then().statusCode(200)
                .body("name", equalTo("凉山彝族自治州")).body("nameEn", equalTo("Liangshan Yi Autonomous Prefecture"))
                .body("counties.code", hasItem("513402")).body("counties.code", not(hasItem("513425")))
                .body("countyCount", equalTo(17));
    }

    @Test
    void thirtyNineUnderdevelopedWithTheirEvidenceStatus() throws IOException {
        List<Map<String, String>> rows = csv("underdeveloped_counties.csv");
        assertEquals(39, rows.size());
        Response res = given().header("Authorization", READER).queryParam("type", "UNDERDEVELOPED_COUNTY").queryParam("size", 100)
                .when().get("/api/v1/designations").then().statusCode(200).body("totalItems", equalTo(39)).extract().response();
        for (Map<String, String> r : rows) {
            String status = res.jsonPath().getString("items.find { it.countyCode == '" + r.get("code") + "' }.evidenceStatus");
            assertEquals(r.get("status").toUpperCase(), status, "status of " + r.get("code"));
        }
        assertTrue(res.jsonPath().getString("items[0].note").contains("assumption"));
        given().header("Authorization", READER).queryParam("designation", "UNDERDEVELOPED_COUNTY").queryParam("size", 100)
                .when().get("/api/v1/counties").then().statusCode(200).body("totalItems", equalTo(39));
    }

    @Test
    void ninePilotsOf2020() {
        given().header("Authorization", READER).queryParam("type", "REFORM_PILOT").queryParam("asOf", "2021-01-01")
                .when().get("/api/v1/designations").then().statusCode(200).body("totalItems", equalTo(9))
                .body("items.validFrom", org.hamcrest.Matchers.everyItem(equalTo("2020-07-03")))
                .body("items.sourceRef[0]", containsString("sc.gov.cn"));
        given().header("Authorization", READER).queryParam("type", "REFORM_PILOT").queryParam("asOf", "2020-07-02")
                .when().get("/api/v1/designations").then().statusCode(200).body("totalItems", equalTo(0));
        given().header("Authorization", READER).when().get("/api/v1/counties/510522?asOf=2021-01-01").then().statusCode(200)
                .body("designations.typeCode", hasItem("REFORM_PILOT"));
    }

    @Test
    void huiliCountyIsRetiredWithSuccessorHuiliCity() {
        given().header("Authorization", READER).when().get("/api/v1/counties/513425").then().statusCode(200)
                .body("status", equalTo("RETIRED")).body("name", equalTo("会理县")).body("validTo", equalTo("2021-01-01"))
                .body("successors[0].code", equalTo("513402")).body("successors[0].name", equalTo("会理市"))
                .body("retiredBy.kind", equalTo("UPGRADE")).body("retiredBy.toCodes", hasItem("513402"));
        given().header("Authorization", READER).when().get("/api/v1/counties/513402").then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("predecessors[0].code", equalTo("513425"))
                .body("predecessors[0].name", equalTo("会理县")).body("type", equalTo("COUNTY_LEVEL_CITY"));
        given().header("Authorization", READER).when().get("/api/v1/counties/513402?asOf=2015-06-01").then().statusCode(200)
                .body("status", equalTo("NOT_YET_VALID"));
        given().header("Authorization", READER).when().get("/api/v1/counties/513425/history").then().statusCode(200)
                .body("versions.size()", equalTo(1)).body("changes[0].toCodes[0]", equalTo("513402"));
    }

    @Test
    void in2015JianyangWasUnderZiyangAndYibinCountyACounty() {
        Response res = given().header("Authorization", READER).queryParam("asOf", "2015-01-01").queryParam("province", "510000")
                .queryParam("size", 500).when().get("/api/v1/counties").then().statusCode(200).extract().response();
        assertEquals("512000", res.jsonPath().getString("items.find { it.code == '512081' }.prefectureCode"));
        assertEquals("资阳市", res.jsonPath().getString("items.find { it.code == '512081' }.prefectureName"));
        assertEquals("简阳市", res.jsonPath().getString("items.find { it.code == '512081' }.name"));
        assertEquals("宜宾县", res.jsonPath().getString("items.find { it.code == '511521' }.name"));
        assertEquals("COUNTY", res.jsonPath().getString("items.find { it.code == '511521' }.type"));
        assertTrue(res.jsonPath().get("items.find { it.code == '510185' }") == null);
        assertTrue(res.jsonPath().get("items.find { it.code == '511504' }") == null);
        assertEquals(183, res.jsonPath().getInt("totalItems"), "each 1:1 change keeps the count");
        given().header("Authorization", READER).when().get("/api/v1/counties/512081?asOf=2015-01-01").then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("prefectureName", equalTo("资阳市"));
        given().header("Authorization", READER).when().get("/api/v1/counties/512081").then().statusCode(200)
                .body("status", equalTo("RETIRED")).body("successors[0].code", equalTo("510185"));
    }

    @Test
    void englishNamesHandleHeteronymsAndSuffixes() {
        Map<String, String> expected = Map.of("510181", "Dujiangyan City", "511123", "Qianwei County", "511524", "Changning County",
                "511527", "Junlian County", "510812", "Chaotian District", "511381", "Langzhong City", "510726", "Beichuan Qiang Autonomous County",
                "513422", "Muli Tibetan Autonomous County", "512022", "Lezhi County", "510522", "Hejiang County");
        expected.forEach((code, en) -> given().header("Authorization", READER).when().get("/api/v1/counties/" + code).then()
                .statusCode(200).body("nameEn", equalTo(en)));
        given().header("Authorization", READER).when().get("/api/v1/prefectures/513200").then().body("nameEn",
                equalTo("Aba Tibetan and Qiang Autonomous Prefecture"));
        given().header("Authorization", READER).when().get("/api/v1/prefectures/511100").then().body("nameEn", equalTo("Leshan City"));
    }

    @Test
    void nameSearchAcceptsChineseOrPinyinPartials() {
        given().header("Authorization", READER).queryParam("name", "合江").when().get("/api/v1/counties").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].code", equalTo("510522"));
        given().header("Authorization", READER).queryParam("name", "hejiang").when().get("/api/v1/counties").then().statusCode(200)
                .body("items.code", hasItem("510522"));
        given().header("Authorization", READER).queryParam("name", "DUJIANG").when().get("/api/v1/counties").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].name", equalTo("都江堰市"));
    }

    @Test
    void thirtyCategoryAssignmentsFor2018() throws IOException {
        List<Map<String, String>> rows = csv("assessment_awards_2018.csv");
        Response res = given().header("Authorization", READER).queryParam("year", 2018).queryParam("size", 100)
                .when().get("/api/v1/category-assignments").then().statusCode(200).body("totalItems", equalTo(rows.size())).extract().response();
        assertEquals(30, rows.size());
        Map<String, String> codes = Map.of("城市主城区", "CITY_CORE_DISTRICT", "重点开发区县", "KEY_DEVELOPMENT", "农产品主产区县", "MAIN_FARM_PRODUCE",
                "重点生态功能区县", "KEY_ECOLOGICAL_FUNCTION");
        // the file names today's codes; 新津区 and 射洪市 were 新津县 and 射洪县 in 2018 (HonestDatesTest)
        Map<String, String> codeIn2018 = new java.util.HashMap<>();
        for (Map<String, String> ch : csv("division_changes.csv")) {
            if (Integer.parseInt(ch.get("year")) > 2018) {
                codeIn2018.put(ch.get("new_code"), ch.get("old_code"));
            }
        }
        for (Map<String, String> r : rows) {
            String county = codeIn2018.getOrDefault(r.get("code"), r.get("code"));
            assertEquals(codes.get(r.get("category")), res.jsonPath().getString("items.find { it.countyCode == '" + county + "' }.categoryCode"), county);
            assertEquals(r.get("category"), res.jsonPath().getString("items.find { it.countyCode == '" + county + "' }.categoryName"));
        }
        given().header("Authorization", READER).when().get("/api/v1/counties/510421/categories").then().statusCode(200)
                .body("items[0].year", equalTo(2018)).body("items[0].categoryCode", equalTo("MAIN_FARM_PRODUCE"));
        given().header("Authorization", READER).when().get("/api/v1/counties/510421?asOf=2019-05-01").then()
                .body("category.code", equalTo("MAIN_FARM_PRODUCE")).body("category.year", equalTo(2018));
        given().header("Authorization", READER).when().get("/api/v1/counties/510421?asOf=2017-05-01").then().body("category", nullValue());
        given().header("Authorization", READER).queryParam("category", "KEY_ECOLOGICAL_FUNCTION").queryParam("year", 2018)
                .when().get("/api/v1/counties").then().body("totalItems", equalTo(5));
        given().header("Authorization", READER).when().get("/api/v1/assessment-categories").then().body("totalItems", equalTo(4));
    }

    @Test
    void csvExportKeepsChineseNames() {
        byte[] body = given().header("Authorization", READER).accept("text/csv").queryParam("prefecture", "510500")
                .when().get("/api/v1/counties").then().statusCode(200).contentType(containsString("text/csv"))
                .extract().asByteArray();
        String text = new String(body, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("code,name,nameEn"), text);
        List<Map<String, String>> rows = CsvRows.parse(body);
        assertEquals(7, rows.size(), "the 7 counties of Luzhou");
        Map<String, String> hejiang = rows.stream().filter(r -> r.get("code").equals("510522")).findFirst().orElseThrow();
        assertEquals("合江县", hejiang.get("name"));
        assertEquals("Hejiang County", hejiang.get("nameEn"));
        assertEquals("泸州市", hejiang.get("prefectureName"));
    }

    /** Integrators read the export by position: the columns of before issue 14 keep their places, new ones come last. */
    @Test
    void csvExportAppendsNewColumnsAfterTheOldOnes() {
        byte[] body = given().header("Authorization", READER).accept("text/csv").queryParam("asOf", "2010-01-01").queryParam("name", "恩阳")
                .when().get("/api/v1/counties").then().statusCode(200).extract().asByteArray();
        String text = new String(body, StandardCharsets.UTF_8);
        List<String> header = List.of(text.substring(0, text.indexOf('\n')).split(","));
        assertEquals(List.of("code", "name", "nameEn", "type", "prefectureCode", "prefectureName", "regionCode", "regionName", "validFrom",
                "validTo", "status", "categoryYear", "categoryCode", "designations", "source", "version", "validFromKnown", "asOfBasis"), header);
        assertEquals(String.join(",", header), cn.sc.countyeconomy.registry.api.CountyRow.HEADER, "the header OpenAPI documents");
        List<Map<String, String>> rows = CsvRows.parse(body);
        assertEquals(1, rows.size(), text);
        List<String> byPosition = List.copyOf(rows.get(0).values());
        assertEquals("511903", byPosition.get(0));
        assertEquals("ACTIVE", byPosition.get(10));
        assertEquals("false", byPosition.get(16));
        assertEquals("ASSUMED_UNCHANGED_SINCE", byPosition.get(17));
    }

    @Test
    void geojsonFilteredLikeTheList() {
        Response res = given().header("Authorization", READER).queryParam("prefecture", "510500")
                .when().get("/api/v1/counties.geojson").then().statusCode(200).contentType(containsString("application/geo+json"))
                .body("type", equalTo("FeatureCollection")).body("features.size()", equalTo(7))
                .body("features.properties.code", hasItem("510522")).body("missingShapes.size()", equalTo(0))
                .extract().response();
        assertEquals("合江县", res.jsonPath().getString("features.find { it.properties.code == '510522' }.properties.name"));
        assertTrue(res.jsonPath().getString("features[0].geometry.type").contains("Polygon"));
        given().header("Authorization", READER).queryParam("asOf", "2015-01-01").queryParam("name", "宜宾县")
                .when().get("/api/v1/counties.geojson").then().statusCode(200)
                .body("features.size()", equalTo(1)).body("features[0].properties.shapeCode", equalTo("511504"));
        given().header("Authorization", READER).when().get("/api/v1/counties.geojson").then().statusCode(200)
                .body("features.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(183));
    }

    @Test
    void unknownCodeIs404AndMalformedIs400() {
        given().header("Authorization", READER).when().get("/api/v1/counties/519999").then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", READER).when().get("/api/v1/counties/51x").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("code"));
        given().header("Authorization", READER).when().get("/api/v1/counties/510522?asOf=2015-13-01").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("asOf"));
    }
}
