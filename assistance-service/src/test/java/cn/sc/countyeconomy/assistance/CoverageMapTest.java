package cn.sc.countyeconomy.assistance;

import cn.sc.countyeconomy.api.testing.Problems;
import cn.sc.countyeconomy.api.testing.TestTokens;
import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
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
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The coverage maps against the coverage checks of the same year, asked in the same test. */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class CoverageMapTest {

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void registryFacts() {
        DesignatedCounties.install();
    }

    @AfterEach
    void breakersClosed() {
        breakers.resetAll();
    }

    static Document map(String measure) throws Exception {
        String svg = given().header("Authorization", TestTokens.bearer("reader")).accept("image/svg+xml").queryParam("year", 2025)
                .queryParam("measure", measure).get("/api/v1/maps/coverage").then().statusCode(200)
                .contentType(startsWith("image/svg+xml")).extract().asString();
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "maps"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "maps", "coverage-" + measure + ".svg"), svg);
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

    @Test
    void theDesignatedCountiesAreColouredByForcesPresentAndTheOthersAreNotApplicable() throws Exception {
        JsonPath coverage = given().header("Authorization", TestTokens.bearer("reader")).queryParam("year", 2025).get("/api/v1/coverage")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Integer> missing = new HashMap<>();
        for (Map<String, Object> c : coverage.<Map<String, Object>>getList("countiesMissingForces")) {
            missing.put((String) c.get("countyCode"), ((List<?>) c.get("missingForces")).size());
        }
        Document d = map("forces");
        List<Element> counties = select(d, "path", "county");
        assertEquals(183, counties.size());
        List<Element> legend = select(d, "g", "legend-class");
        assertEquals(6, legend.size(), "0 to 5 of the five forces");
        int designated = 0;
        for (Element c : counties) {
            String code = c.getAttribute("data-code");
            if (!c.getAttribute("data-class").equals("not-applicable")) {
                designated++;
                assertEquals(Integer.toString(5 - missing.getOrDefault(code, 0)), c.getAttribute("data-class"), code);
            }
        }
        assertEquals(coverage.getInt("counties"), designated);
        assertTrue(select(d, "text", "period").get(0).getTextContent().startsWith("2025"));
    }

    @Test
    void theTrainingMapHasFiveClassesAndAnUnknownMeasureIsA400() throws Exception {
        Document d = map("training");
        assertEquals(5, select(d, "g", "legend-class").size());
        assertEquals(183, select(d, "path", "county").size());
        given().header("Authorization", TestTokens.bearer("reader")).queryParam("year", 2025).queryParam("measure", "x")
                .get("/api/v1/maps/coverage").then().spec(Problems.problem(400, "invalid-parameter"));
    }
}
