package cn.sc.countyeconomy.maps;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SvgChoroplethTest {

    /** Four square counties of one degree in two prefectures, as the registry would serve them. */
    static final String GRID = """
        {"type":"FeatureCollection","features":[
         {"type":"Feature","properties":{"code":"510101","name":"甲县","prefectureCode":"510100","prefectureName":"一市"},
          "geometry":{"type":"Polygon","coordinates":[[[103,30],[104,30],[104,31],[103,31],[103,30]]]}},
         {"type":"Feature","properties":{"code":"510102","name":"乙县","prefectureCode":"510100","prefectureName":"一市"},
          "geometry":{"type":"Polygon","coordinates":[[[104,30],[105,30],[105,31],[104,31],[104,30]]]}},
         {"type":"Feature","properties":{"code":"510201","name":"丙县","prefectureCode":"510200","prefectureName":"二市"},
          "geometry":{"type":"Polygon","coordinates":[[[103,31],[104,31],[104,32],[103,32],[103,31]]]}},
         {"type":"Feature","properties":{"code":"510202","name":"丁县 <&>","prefectureCode":"510200","prefectureName":"二市"},
          "geometry":{"type":"MultiPolygon","coordinates":[[[[104,31],[105,31],[105,32],[104,32],[104,31]]]]}}]}""";

    static final BaseMap BASE = BaseMap.fromGeoJson(GRID, 400);

    static Document parse(String svg) throws Exception {
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

    static Choropleth scores(Map<String, MapValue> values) {
        List<Double> numbers = values.values().stream().filter(v -> v.kind() == MapValue.Kind.NUMBER).map(MapValue::number).toList();
        return new Choropleth("测试得分 Test scores", "2024", "source: test", "score", Classes.quantiles(numbers, 2, Palette.YL_GN_BU, false,
                v -> Long.toString(Math.round(v))), values, MapValue.noData());
    }

    @Test
    void everyCountyIsOnePathWithItsClassFillAndANameAndValueTitle() throws Exception {
        Map<String, MapValue> values = Map.of("510101", MapValue.number(10, "10"), "510102", MapValue.number(20, "20"),
                "510201", MapValue.number(30, "30"), "510202", MapValue.number(40, "40"));
        Document d = parse(SvgChoropleth.render(BASE, scores(values)));
        List<Element> counties = select(d, "path", "county");
        assertEquals(4, counties.size());
        Map<String, String> fills = new LinkedHashMap<>();
        counties.forEach(c -> fills.put(c.getAttribute("data-code"), c.getAttribute("fill")));
        List<String> palette = Palette.YL_GN_BU.colours(2);
        assertEquals(Map.of("510101", palette.get(0), "510102", palette.get(0), "510201", palette.get(1), "510202", palette.get(1)), fills);
        assertEquals("丁县 <&> 510202: 40", counties.get(3).getElementsByTagName("title").item(0).getTextContent());
    }

    @Test
    void theLegendHasOneEntryPerClassAndStatesItsBounds() throws Exception {
        Map<String, MapValue> values = Map.of("510101", MapValue.number(10, "10"), "510102", MapValue.number(20, "20"),
                "510201", MapValue.number(30, "30"), "510202", MapValue.number(40, "40"));
        Document d = parse(SvgChoropleth.render(BASE, scores(values)));
        List<Element> entries = select(d, "g", "legend-class");
        assertEquals(2, entries.size());
        assertEquals(List.of("10 – 25", "25 – 40"), entries.stream().map(e -> e.getElementsByTagName("text").item(0).getTextContent()).toList());
        assertEquals(0, select(d, "g", "legend-pattern").size(), "no pattern is explained when none is drawn");
    }

    @Test
    void missingDisqualifiedAndNotApplicableCountiesGetTheirOwnPatternsAndLegendEntries() throws Exception {
        Map<String, MapValue> values = Map.of("510101", MapValue.number(10, "10"), "510102", MapValue.disqualified(null),
                "510201", MapValue.notApplicable(null));
        Document d = parse(SvgChoropleth.render(BASE, scores(values)));
        Map<String, String> fills = new LinkedHashMap<>();
        select(d, "path", "county").forEach(c -> fills.put(c.getAttribute("data-code"), c.getAttribute("fill")));
        assertEquals("url(#disqualified)", fills.get("510102"));
        assertEquals("url(#not-applicable)", fills.get("510201"));
        assertEquals("url(#no-data)", fills.get("510202"));
        Set<String> legendPatterns = new HashSet<>();
        select(d, "g", "legend-pattern").forEach(g -> legendPatterns.add(g.getAttribute("data-pattern")));
        assertEquals(Set.of("no-data", "disqualified", "not-applicable"), legendPatterns);
    }

    @Test
    void titlePeriodAndSourceAreWritten() throws Exception {
        Document d = parse(SvgChoropleth.render(BASE, scores(Map.of("510101", MapValue.number(1, "1")))));
        assertEquals("测试得分 Test scores", select(d, "text", "title").get(0).getTextContent());
        assertEquals("2024", select(d, "text", "period").get(0).getTextContent());
        assertEquals("source: test", select(d, "text", "source").get(0).getTextContent());
        assertTrue(d.getDocumentElement().getAttribute("font-family").contains("Noto Sans CJK SC"));
    }

    @Test
    void prefectureBordersAreDrawnOverCountyBordersOnePerPrefecture() throws Exception {
        Document d = parse(SvgChoropleth.render(BASE, scores(Map.of())));
        List<Element> prefectures = select(d, "path", "prefecture");
        assertEquals(List.of("510100", "510200"), prefectures.stream().map(p -> p.getAttribute("data-code")).toList());
        NodeList groups = d.getElementsByTagName("g");
        List<String> order = new ArrayList<>();
        for (int i = 0; i < groups.getLength(); i++) {
            order.add(((Element) groups.item(i)).getAttribute("id"));
        }
        assertTrue(order.indexOf("counties") < order.indexOf("prefectures"), "prefectures come later, so they are drawn on top");
    }

    @Test
    void theSameDataGivesTheSameDocument() {
        Map<String, MapValue> values = Map.of("510101", MapValue.number(10, "10"), "510202", MapValue.number(40, "40"));
        assertEquals(SvgChoropleth.render(BaseMap.fromGeoJson(GRID, 400), scores(values)),
                SvgChoropleth.render(BaseMap.fromGeoJson(GRID, 400), scores(new LinkedHashMap<>(values))));
    }
}
