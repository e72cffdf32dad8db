package cn.sc.countyeconomy.registry;

import cn.sc.countyeconomy.api.testing.PostgresTestResource;
import cn.sc.countyeconomy.api.testing.Problems;
import cn.sc.countyeconomy.api.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The map of regions and prefectures, drawn from the register's own shapes. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class RegionMapTest {

    static String map(String asOf) {
        String svg = given().header("Authorization", TestTokens.bearer("reader")).accept("image/svg+xml").queryParam("asOf", asOf)
                .get("/api/v1/maps/regions").then().statusCode(200).contentType(startsWith("image/svg+xml")).extract().asString();
        try {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "maps"));
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "maps", "regions-" + asOf + ".svg"), svg);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return svg;
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
    void everyCountyIsDrawnInItsRegionsColourWithOneLegendEntryPerRegionAnd21Prefectures() throws Exception {
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(map("2024-12-31"))));
        List<Element> counties = select(d, "path", "county");
        assertEquals(183, counties.size());
        List<Element> legend = select(d, "g", "legend-class");
        assertEquals(5, legend.size(), "one legend entry per economic region: Sichuan has five");
        Set<String> legendFills = new HashSet<>();
        legend.forEach(g -> legendFills.add(((Element) g.getElementsByTagName("rect").item(0)).getAttribute("fill")));
        Set<String> used = new HashSet<>();
        counties.forEach(c -> used.add(c.getAttribute("fill")));
        assertEquals(legendFills, used, "every county has its region's fill, every region has counties");
        assertEquals(21, select(d, "path", "prefecture").size());
        assertTrue(select(d, "text", "period").get(0).getTextContent().contains("2024-12-31"));
        assertTrue(counties.stream().anyMatch(c -> c.getElementsByTagName("title").item(0).getTextContent().startsWith("合江县 510522: ")));
    }

    @Test
    void theSameDateGivesTheSameMapAndABadDateIsA400() {
        assertEquals(map("2024-12-31"), map("2024-12-31"));
        given().header("Authorization", TestTokens.bearer("reader")).queryParam("asOf", "2024-13-01").get("/api/v1/maps/regions").then()
                .spec(Problems.problem(400, "invalid-parameter"));
    }
}
