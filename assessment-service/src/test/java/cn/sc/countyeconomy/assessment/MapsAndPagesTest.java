package cn.sc.countyeconomy.assessment;

import cn.sc.countyeconomy.api.testing.Problems;
import cn.sc.countyeconomy.api.testing.TestTokens;
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
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;

import static cn.sc.countyeconomy.assessment.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The score maps and the scorecard page on demo data of 2023 (its own year: no other test class
 * scores 2023), with the registry stub serving the 183 county shapes.
 */
@QuarkusTest
@TestProfile(AssessmentTestProfile.class)
class MapsAndPagesTest {

    static final int YEAR = 2023;
    static boolean loaded;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void demoYear() {
        SichuanRegistry.state();
        if (!loaded) {
            as("admin").body(Map.of("years", List.of(YEAR), "approve", true)).post("/api/v1/demo-data").then().statusCode(200);
            long run = as("editor").body(Map.of("year", YEAR, "schemeVersion", 1)).post("/api/v1/runs").then().statusCode(201)
                    .extract().jsonPath().getLong("id");
            as("approver").post("/api/v1/runs/" + run + "/official").then().statusCode(200);
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

    /**
     * Keeps what a test received under target/maps/ to be looked at in a browser (and, for the
     * overall map, copied to docs/ by tools/maps/make-readme-map.sh).
     */
    static String keep(String name, String content) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "maps");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.writeString(dir.resolve(name), content);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return content;
    }

    static Document xml(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    static List<Element> select(Document d, String tag, String cls) {
        NodeList nodes = d.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (cls.equals(e.getAttribute("class"))) {
                out.add(e);
            }
        }
        return out;
    }

    /** Each legend class's fill, in legend order. */
    static List<String> legendFills(Document d) {
        return select(d, "g", "legend-class").stream().map(g -> ((Element) g.getElementsByTagName("rect").item(0)).getAttribute("fill")).toList();
    }

    @Test
    void theOverallMapHas183CountiesEachFilledByItsClassWithALegendEntryPerClassTitleAndYear() throws Exception {
        Document d = xml(keep("scores-overall.svg", map(null, null)));
        List<Element> counties = select(d, "path", "county");
        assertEquals(183, counties.size());
        assertEquals(183, counties.stream().map(c -> c.getAttribute("data-code")).distinct().count());
        List<String> legend = legendFills(d);
        assertEquals(5, legend.size(), "quintiles of 183 distinct scores");
        Set<String> classFills = new HashSet<>();
        for (Element c : counties) {
            String cls = c.getAttribute("data-class");
            if (cls.matches("[0-9]+")) {
                assertEquals(legend.get(Integer.parseInt(cls)), c.getAttribute("fill"), "fill of its class, " + c.getAttribute("data-code"));
                classFills.add(c.getAttribute("fill"));
            } else {
                assertEquals("url(#" + cls + ")", c.getAttribute("fill"));
            }
            String title = c.getElementsByTagName("title").item(0).getTextContent();
            assertTrue(title.startsWith(RegistryStub.sichuan(c.getAttribute("data-code")).name() + " "), title);
        }
        assertEquals(new HashSet<>(legend), classFills, "every class is used and no other fill");
        assertTrue(select(d, "text", "title").get(0).getTextContent().contains("Overall score"));
        assertTrue(select(d, "text", "period").get(0).getTextContent().startsWith(YEAR + ", all categories"));
        assertEquals(21, select(d, "path", "prefecture").size(), "21 prefectures");
    }

    @Test
    void aCategoryMapColoursOnlyThatCategoryAndDotsTheOthers() throws Exception {
        String category = "KEY_DEVELOPMENT";
        Document d = xml(keep("scores-rank-key-development.svg", map("rank", category)));
        Map<String, String> classOf = new HashMap<>();
        select(d, "path", "county").forEach(c -> classOf.put(c.getAttribute("data-code"), c.getAttribute("data-class")));
        assertEquals(183, classOf.size());
        Set<String> inCategory = new HashSet<>(SichuanRegistry.inCategory(category));
        classOf.forEach((code, cls) -> assertEquals(!inCategory.contains(code), cls.equals("not-applicable"), code + " " + cls));
        assertEquals(1, select(d, "g", "legend-pattern").stream().filter(g -> g.getAttribute("data-pattern").equals("not-applicable")).count());
    }

    @Test
    void theRankChangeMapHasItsSevenFixedClasses() throws Exception {
        Document d = xml(keep("scores-rank-change.svg", map("rankChange", null)));
        assertEquals(7, legendFills(d).size());
        assertEquals(183, select(d, "path", "county").size());
    }

    @Test
    void anAreaMapShowsThatAreasScores() throws Exception {
        String area = as("reader").get("/api/v1/counties/510104/scorecard?year=" + YEAR).then().statusCode(200).extract().jsonPath()
                .getMap("areaScores").keySet().iterator().next().toString();
        Document d = xml(keep("scores-area.svg", map("area:" + area, null)));
        assertTrue(select(d, "text", "title").get(0).getTextContent().contains(area));
        assertEquals(183, select(d, "path", "county").size());
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
        var page = Jsoup.parse(keep("scorecard-510104.html", html));
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
        assertTrue(page.select("#pilots").text().contains("pilots[1].programme: 测试试点"), page.select("#pilots").text());

        given().header("Authorization", TestTokens.bearer("reader")).get("/api/v1/counties/510104/scorecard?year=" + YEAR).then()
                .statusCode(200).contentType(startsWith("application/json"));
        given().header("Authorization", TestTokens.bearer("reader")).accept("*/*").get("/api/v1/counties/510104/scorecard?year=" + YEAR)
                .then().statusCode(200).contentType(startsWith("application/json"));
    }
}
