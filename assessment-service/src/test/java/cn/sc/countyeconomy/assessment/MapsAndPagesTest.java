package cn.sc.countyeconomy.assessment;

import cn.sc.countyeconomy.api.testing.DocumentedExamples;
import cn.sc.countyeconomy.api.testing.OpenApiOperations;
import cn.sc.countyeconomy.api.testing.Problems;
import cn.sc.countyeconomy.api.testing.TestTokens;
import cn.sc.countyeconomy.maps.testing.SvgMap;
import cn.sc.countyeconomy.registry.client.testing.RegistryStub;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.sc.countyeconomy.assessment.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The score maps and the scorecard page on demo data of 2023 (its own year: no other test class
 * scores 2023), with the registry stub serving the 183 county shapes; and the documented examples
 * of both operations on the demo data of 2024, the year they name (no other test class scores it).
 */
@QuarkusTest
@TestProfile(AssessmentTestProfile.class)
class MapsAndPagesTest {

    static final int YEAR = 2023;
    /** The year of the documented examples (Swagger UI's "Try it out"), loaded as the README loads the demo data. */
    static final int EXAMPLE_YEAR = 2024;
    static boolean loaded;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void demoYear() {
        SichuanRegistry.state();
        if (!loaded) {
            as("admin").body(Map.of("years", List.of(YEAR, EXAMPLE_YEAR), "approve", true)).post("/api/v1/demo-data").then().statusCode(200);
            for (int year : List.of(YEAR, EXAMPLE_YEAR)) {
                long run = as("editor").body(Map.of("year", year, "schemeVersion", 1)).post("/api/v1/runs").then().statusCode(201)
                        .extract().jsonPath().getLong("id");
                as("approver").post("/api/v1/runs/" + run + "/official").then().statusCode(200);
            }
            loaded = true;
        }
    }

    @AfterEach
    void breakersClosed() {
        breakers.resetAll();
    }

    static String map(String measure, String category) {
        var request = given().header("Authorization", TestTokens.bearer("reader")).accept("image/svg+xml").queryParam("year", YEAR);
        if (measure != null) {
            request.queryParam("measure", measure);
        }
        if (category != null) {
            request.queryParam("category", category);
        }
        return request.get("/api/v1/maps/scores").then().statusCode(200).contentType(startsWith("image/svg+xml")).extract().asString();
    }

    @Test
    void theOverallMapHas183CountiesEachFilledByItsClassWithALegendEntryPerClassTitleAndYear() {
        SvgMap map = SvgMap.kept("scores-overall.svg", map(null, null)).assertWellFormedMap(183, YEAR + ", all categories", true);
        assertEquals(5, map.legendFills().size(), "quintiles of 183 distinct scores");
        for (Element c : map.counties()) {
            String title = SvgMap.hover(c);
            assertTrue(title.startsWith(RegistryStub.sichuan(c.getAttribute("data-code")).name() + " "), title);
        }
        assertTrue(map.title().contains("Overall score"));
        assertEquals(21, map.prefectureCodes().size(), "21 prefectures");
    }

    @Test
    void aCategoryMapColoursOnlyThatCategoryAndDotsTheOthers() {
        String category = "KEY_DEVELOPMENT";
        SvgMap map = SvgMap.kept("scores-rank-key-development.svg", map("rank", category)).assertWellFormedMap(183, Integer.toString(YEAR),
                false);
        Set<String> inCategory = new HashSet<>(SichuanRegistry.inCategory(category));
        map.classByCounty().forEach((code, cls) -> assertEquals(!inCategory.contains(code), cls.equals("not-applicable"), code + " " + cls));
        assertTrue(map.legendPatterns().contains("not-applicable"));
    }

    @Test
    void theRankChangeMapHasItsSevenFixedClasses() {
        SvgMap map = SvgMap.kept("scores-rank-change.svg", map("rankChange", null)).assertWellFormedMap(183, Integer.toString(YEAR), false);
        assertEquals(7, map.legendFills().size());
    }

    @Test
    void anAreaMapShowsThatAreasScores() {
        String area = as("reader").get("/api/v1/counties/510104/scorecard?year=" + YEAR).then().statusCode(200).extract().jsonPath()
                .getMap("areaScores").keySet().iterator().next().toString();
        SvgMap map = SvgMap.kept("scores-area.svg", map("area:" + area, null)).assertWellFormedMap(183, Integer.toString(YEAR), false);
        assertTrue(map.title().contains(area));
    }

    @Test
    void theSameDataGivesTheSameMap() {
        assertEquals(map(null, null), map(null, null));
    }

    @Test
    void anUnknownMeasureOrCategoryIsA400NamingIt() {
        given().header("Authorization", TestTokens.bearer("reader")).queryParam("year", YEAR).queryParam("measure", "bogus")
                .get("/api/v1/maps/scores").then().spec(Problems.problem(400, "invalid-parameter")).body("detail", containsString("measure"));
        given().header("Authorization", TestTokens.bearer("reader")).queryParam("year", YEAR).queryParam("measure", "area:NOPE")
                .get("/api/v1/maps/scores").then().spec(Problems.problem(400, "invalid-parameter")).body("detail", containsString("NOPE"));
        given().header("Authorization", TestTokens.bearer("reader")).queryParam("year", YEAR).queryParam("category", "X")
                .get("/api/v1/maps/scores").then().spec(Problems.problem(400, "invalid-parameter")).body("detail", containsString("category"));
    }

    @Test
    void theScorecardPageHasItsSectionsAndJsonStaysTheDefault() {
        // assistance-service does not answer; reform-pilot-service names one pilot of the county
        RegistryStub.failing(WireMock.get(WireMock.urlPathEqualTo("/api/v1/counties/510104/effectiveness")));
        RegistryStub.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/v1/counties/510104/pilots")).atPriority(1)
                .willReturn(RegistryStub.json(200, Map.of("countyCode", "510104", "pilots", List.of(Map.of("programme", "测试试点", "status", "ON_TRACK"))))));
        String html = given().header("Authorization", TestTokens.bearer("reader")).accept(ContentType.HTML)
                .get("/api/v1/counties/510104/scorecard?year=" + YEAR).then().statusCode(200).contentType(startsWith("text/html"))
                .extract().asString();
        var page = Jsoup.parse(SvgMap.keep("scorecard-510104.html", html));
        for (String section : List.of("county", "map", "overall", "areas", "strongest", "weakest", "red-lines", "assistance", "pilots")) {
            assertEquals(1, page.select("#" + section).size(), section);
        }
        assertTrue(page.select("#county h1").text().contains("锦江区"));
        assertEquals(1, page.select("#map svg").size(), "the county on its prefecture's map");
        assertEquals(1, page.select("#map svg #highlight path[data-code=510104]").size());
        assertTrue(page.select("#areas .bar").size() > 0);
        // a neighbour that does not answer is said to be missing; the page does not fail
        assertTrue(page.select("#assistance .missing").text().contains("assistance-service did not answer"), page.select("#assistance").text());
        assertEquals(0, page.select("#pilots .missing").size());
        assertTrue(page.select("#pilots").text().contains("测试试点: ON_TRACK"), page.select("#pilots").text());

        given().header("Authorization", TestTokens.bearer("reader")).get("/api/v1/counties/510104/scorecard?year=" + YEAR).then()
                .statusCode(200).contentType(startsWith("application/json"));
        given().header("Authorization", TestTokens.bearer("reader")).accept("*/*").get("/api/v1/counties/510104/scorecard?year=" + YEAR)
                .then().statusCode(200).contentType(startsWith("application/json"));
    }

    @Test
    void aCountyTheAssistanceDoesNotApplyToIsSaidSoWithItsReason() {
        // assistance-service's answer for a county not designated underdeveloped in the year (issue 18);
        // the stubs are reset before each test
        String reason = "510104 is not designated underdeveloped on any day of " + YEAR;
        RegistryStub.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/v1/counties/510104/effectiveness")).atPriority(1)
                .willReturn(RegistryStub.json(200, Map.of("countyCode", "510104", "year", YEAR, "status", "NOT_APPLICABLE", "reason", reason,
                        "components", List.of()))));
        given().header("Authorization", TestTokens.bearer("reader")).get("/api/v1/counties/510104/scorecard?year=" + YEAR).then()
                .statusCode(200).body("assistance.status", equalTo("AVAILABLE")).body("assistance.data.status", equalTo("NOT_APPLICABLE"))
                .body("assistance.data.reason", equalTo(reason));
        var page = Jsoup.parse(given().header("Authorization", TestTokens.bearer("reader")).accept(ContentType.HTML)
                .get("/api/v1/counties/510104/scorecard?year=" + YEAR).then().statusCode(200).extract().asString());
        assertEquals(List.of("not applicable 不适用: " + reason), page.select("#assistance td").eachText());
        assertEquals(0, page.select("#assistance .missing").size());
    }

    @Test
    void theDocumentedExampleOfTheScoresMapAnswersItsCategorysMap() {
        DocumentedExamples.Example example = DocumentedExamples.of(OpenApiOperations.load(), "getScoresMap", null);
        assertEquals(Map.of("year", Integer.toString(EXAMPLE_YEAR), "measure", "overall", "category", "KEY_DEVELOPMENT"), example.query());
        assertEquals("image/svg+xml", example.mediaType());
        SvgMap map = SvgMap.kept("example-scores.svg", example.send().extract().asString()).assertWellFormedMap(183,
                EXAMPLE_YEAR + "", true);
        Set<String> inCategory = new HashSet<>(SichuanRegistry.inCategory("KEY_DEVELOPMENT"));
        map.classByCounty().forEach((code, cls) -> assertEquals(!inCategory.contains(code), cls.equals("not-applicable"), code + " " + cls));
    }

    @Test
    void theDocumentedExampleOfTheScorecardAnswersItsJsonAndItsPage() {
        RegistryStub.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/v1/counties/510522/effectiveness")).atPriority(1)
                .willReturn(RegistryStub.json(200, Map.of("countyCode", "510522", "year", EXAMPLE_YEAR, "score", 69.9, "components",
                        List.of(Map.of("code", "TRAINING", "name", "培训人数 People trained", "value", 358, "target", 500, "contribution", 17.9,
                                "weight", 25))))));
        RegistryStub.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/v1/counties/510522/pilots")).atPriority(1)
                .willReturn(RegistryStub.json(200, Map.of("countyCode", "510522", "pilots", List.of()))));
        OpenApiOperations operations = OpenApiOperations.load();
        DocumentedExamples.Example json = DocumentedExamples.of(operations, "getCountyScorecardPage", "application/json");
        assertEquals("/api/v1/counties/510522/scorecard", json.path());
        assertEquals(Map.of("year", Integer.toString(EXAMPLE_YEAR)), json.query());
        double overall = json.send().body("countyCode", equalTo("510522")).body("year", equalTo(EXAMPLE_YEAR)).extract().jsonPath()
                .getDouble("overall");

        DocumentedExamples.Example page = DocumentedExamples.of(operations, "getCountyScorecardPage", "text/html");
        var html = Jsoup.parse(SvgMap.keep("example-scorecard.html", page.send().extract().asString()));
        assertTrue(html.select("#county h1").text().contains("合江县"), html.select("#county").text());
        assertEquals(1, html.select("#map svg #highlight path[data-code=510522]").size());
        assertEquals(String.format(java.util.Locale.ROOT, "%.1f", overall), html.select("#overall .big").text());
        // assistance-service's answer read as figures against targets, the score first
        assertEquals(List.of("score 得分: 69.9 of 100", "培训人数 People trained: 358 of 500 → 17.9 of 25 points"),
                html.select("#assistance td").eachText());
        assertEquals(List.of("no reform pilot in this county 本县无改革试点"), html.select("#pilots td").eachText(), "an empty answer is said");
    }
}
