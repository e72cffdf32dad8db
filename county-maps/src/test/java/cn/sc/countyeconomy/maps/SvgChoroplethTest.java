package cn.sc.countyeconomy.maps;

import cn.sc.countyeconomy.maps.testing.SvgMap;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    static Choropleth scores(Map<String, MapValue> values) {
        List<Double> numbers = values.values().stream().filter(v -> v.kind() == MapValue.Kind.NUMBER).map(MapValue::number).toList();
        return new Choropleth("测试得分 Test scores", "2024", "source: test", "score", Classes.quantiles(numbers, 2, Palette.YL_GN_BU, false,
                v -> Long.toString(Math.round(v))), values, MapValue.noData());
    }

    @Test
    void everyCountyIsOnePathWithItsClassFillAndANameAndValueTitle() {
        Map<String, MapValue> values = Map.of("510101", MapValue.number(10, "10"), "510102", MapValue.number(20, "20"),
                "510201", MapValue.number(30, "30"), "510202", MapValue.number(40, "40"));
        SvgMap map = SvgMap.parse(SvgChoropleth.render(BASE, scores(values))).assertWellFormedMap(4, "2024", true);
        List<String> palette = Palette.YL_GN_BU.colours(2);
        assertEquals(Map.of("510101", palette.get(0), "510102", palette.get(0), "510201", palette.get(1), "510202", palette.get(1)),
                map.fillByCounty());
        assertEquals("丁县 <&> 510202: 40", map.hover("510202"));
    }

    @Test
    void theLegendHasOneEntryPerClassAndStatesItsBounds() {
        Map<String, MapValue> values = Map.of("510101", MapValue.number(10, "10"), "510102", MapValue.number(20, "20"),
                "510201", MapValue.number(30, "30"), "510202", MapValue.number(40, "40"));
        SvgMap map = SvgMap.parse(SvgChoropleth.render(BASE, scores(values)));
        assertEquals(List.of("10 – 25", "25 – 40"), map.legendLabels());
        assertEquals(Set.of(), map.legendPatterns(), "no pattern is explained when none is drawn");
    }

    @Test
    void missingDisqualifiedAndNotApplicableCountiesGetTheirOwnPatternsAndLegendEntries() {
        Map<String, MapValue> values = Map.of("510101", MapValue.number(10, "10"), "510102", MapValue.disqualified(null),
                "510201", MapValue.notApplicable(null));
        SvgMap map = SvgMap.parse(SvgChoropleth.render(BASE, scores(values))).assertWellFormedMap(4, "2024", false);
        Map<String, String> fills = map.fillByCounty();
        assertEquals("url(#disqualified)", fills.get("510102"));
        assertEquals("url(#not-applicable)", fills.get("510201"));
        assertEquals("url(#no-data)", fills.get("510202"));
        assertEquals(Set.of("no-data", "disqualified", "not-applicable"), map.legendPatterns());
    }

    @Test
    void titlePeriodAndSourceAreWritten() {
        SvgMap map = SvgMap.parse(SvgChoropleth.render(BASE, scores(Map.of("510101", MapValue.number(1, "1")))));
        assertEquals("测试得分 Test scores", map.title());
        assertEquals("2024", map.period());
        assertEquals("source: test", map.source());
        assertTrue(map.document().getDocumentElement().getAttribute("font-family").contains("Noto Sans CJK SC"));
    }

    @Test
    void prefectureBordersAreDrawnOverCountyBordersOnePerPrefecture() {
        SvgMap map = SvgMap.parse(SvgChoropleth.render(BASE, scores(Map.of())));
        assertEquals(List.of("510100", "510200"), map.prefectureCodes());
        NodeList groups = map.document().getElementsByTagName("g");
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

    @Test
    void theSharedReadingRejectsAFillThatIsNotItsClasss() {
        String svg = SvgChoropleth.render(BASE, scores(Map.of("510101", MapValue.number(10, "10"), "510102", MapValue.number(20, "20"))));
        String wrong = svg.replaceFirst("(data-class=\"0\" fill=\")#[0-9a-fA-F]{6}", "$1#123456");
        assertNotEquals(svg, wrong, "the test changed a fill");
        assertThrows(AssertionError.class, () -> SvgMap.parse(wrong).assertWellFormedMap(4, "2024", false));
    }
}
