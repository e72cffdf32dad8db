package cn.sc.countyeconomy.maps.testing;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A map as {@code SvgChoropleth} writes it, parsed as XML, read by what it draws: the counties
 * (one {@code path.county} each, with {@code data-code}, {@code data-class}, fill and a hover
 * {@code <title>}), the prefecture borders, the legend (one {@code g.legend-class} per class, one
 * {@code g.legend-pattern} per pattern in use), the title, the period and the source. Shared by the
 * renderer's own tests and the map tests of the four services (county-maps' test-jar), so that
 * every map is checked by the same reading.
 */
public final class SvgMap {

    private final Document document;

    private SvgMap(Document document) {
        this.document = document;
    }

    /** Parses an SVG document; a map that is not well-formed XML fails the test here. */
    public static SvgMap parse(String svg) {
        try {
            return new SvgMap(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg))));
        } catch (Exception e) {
            throw new AssertionError("the map is not well-formed XML: " + e.getMessage(), e);
        }
    }

    /**
     * Keeps what a test received under {@code target/maps/} (to be opened in a browser; the
     * assessment overall map is also copied to docs/ by tools/maps/make-readme-map.sh) and returns it.
     */
    public static String keep(String name, String content) {
        try {
            Path dir = Path.of("target", "maps");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return content;
    }

    /** {@link #keep} then {@link #parse}. */
    public static SvgMap kept(String name, String svg) {
        return parse(keep(name, svg));
    }

    public Document document() {
        return document;
    }

    /** The elements of a tag whose class is exactly {@code cls}, in document order. */
    public List<Element> select(String tag, String cls) {
        NodeList nodes = document.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (cls.equals(e.getAttribute("class"))) {
                out.add(e);
            }
        }
        return out;
    }

    public List<Element> counties() {
        return select("path", "county");
    }

    /** County code to its {@code data-class}: a class index, a category key, or a pattern name. */
    public Map<String, String> classByCounty() {
        Map<String, String> out = new LinkedHashMap<>();
        counties().forEach(c -> out.put(c.getAttribute("data-code"), c.getAttribute("data-class")));
        return out;
    }

    /** County code to its fill. */
    public Map<String, String> fillByCounty() {
        Map<String, String> out = new LinkedHashMap<>();
        counties().forEach(c -> out.put(c.getAttribute("data-code"), c.getAttribute("fill")));
        return out;
    }

    /** The hover text of a county, from its {@code <title>}. */
    public static String hover(Element county) {
        return county.getElementsByTagName("title").item(0).getTextContent();
    }

    public String hover(String code) {
        return counties().stream().filter(c -> code.equals(c.getAttribute("data-code"))).findFirst().map(SvgMap::hover)
                .orElseThrow(() -> new AssertionError("no county " + code + " on the map"));
    }

    public List<String> prefectureCodes() {
        return select("path", "prefecture").stream().map(p -> p.getAttribute("data-code")).toList();
    }

    /** Each legend class's fill, in legend order. */
    public List<String> legendFills() {
        return select("g", "legend-class").stream().map(g -> ((Element) g.getElementsByTagName("rect").item(0)).getAttribute("fill")).toList();
    }

    /** Each legend class's label, in legend order. */
    public List<String> legendLabels() {
        return select("g", "legend-class").stream().map(g -> g.getElementsByTagName("text").item(0).getTextContent()).toList();
    }

    /** The patterns the legend explains (no-data, disqualified, not-applicable). */
    public Set<String> legendPatterns() {
        Set<String> out = new HashSet<>();
        select("g", "legend-pattern").forEach(g -> out.add(g.getAttribute("data-pattern")));
        return out;
    }

    public String title() {
        return text("title");
    }

    public String period() {
        return text("period");
    }

    public String source() {
        return text("source");
    }

    private String text(String cls) {
        List<Element> found = select("text", cls);
        assertEquals(1, found.size(), "one text." + cls);
        return found.get(0).getTextContent();
    }

    /**
     * What every map must be: {@code counties} county shapes with distinct codes, each county in a
     * class filled with that class's legend colour or in a pattern the legend explains, every
     * legend class used by some county (when {@code everyClassUsed}), a hover title on every county,
     * a non-blank title and a period that starts with {@code period}.
     */
    public SvgMap assertWellFormedMap(int counties, String period, boolean everyClassUsed) {
        List<Element> shapes = counties();
        assertEquals(counties, shapes.size(), "county shapes");
        assertEquals(counties, shapes.stream().map(c -> c.getAttribute("data-code")).distinct().count(), "distinct county codes");
        List<String> legend = legendFills();
        assertTrue(!legend.isEmpty(), "a legend with at least one class");
        Set<String> patterns = legendPatterns();
        Set<String> used = new HashSet<>();
        for (Element c : shapes) {
            String code = c.getAttribute("data-code");
            String fill = c.getAttribute("fill");
            String cls = c.getAttribute("data-class");
            if (cls.matches("[0-9]+")) {
                int k = Integer.parseInt(cls);
                assertTrue(k < legend.size(), code + ": class " + k + " has a legend entry");
                assertEquals(legend.get(k), fill, code + ": the fill of its class " + k);
                used.add(fill);
            } else {
                assertEquals("url(#" + cls + ")", fill, code + ": the pattern of " + cls);
                assertTrue(patterns.contains(cls), code + ": pattern " + cls + " is explained in the legend " + patterns);
            }
            assertTrue(!hover(c).isBlank(), code + " has a hover title");
        }
        if (everyClassUsed) {
            assertEquals(new HashSet<>(legend), used, "every legend class is used and no other fill");
        }
        assertTrue(!title().isBlank(), "a title");
        assertTrue(period().startsWith(period), "period '" + period() + "' starts with '" + period + "'");
        return this;
    }
}
