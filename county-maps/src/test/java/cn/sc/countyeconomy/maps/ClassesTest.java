package cn.sc.countyeconomy.maps;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClassesTest {

    @Test
    void quantileClassesHoldAboutEqualNumbersOfCounties() {
        List<Double> values = List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0);
        Classes c = Classes.quantiles(values, 3, Palette.YL_GN_BU, false, v -> String.valueOf(v));
        assertEquals(List.of("1.0 – 3.6666666666666665", "3.6666666666666665 – 6.333333333333333", "6.333333333333333 – 9.0"),
                c.classes().stream().map(Classes.MapClass::label).toList());
        int[] counts = new int[3];
        values.forEach(v -> counts[c.indexOf(MapValue.number(v, ""))]++);
        assertEquals(List.of(3, 3, 3), List.of(counts[0], counts[1], counts[2]));
    }

    @Test
    void equalQuantilesMergeIntoFewerClasses() {
        Classes c = Classes.quantiles(List.of(1.0, 1.0, 1.0, 1.0, 2.0), 4, Palette.YL_GN_BU, false, v -> String.valueOf(v));
        assertEquals(1, c.classes().size());
    }

    @Test
    void fixedBreaksPutTheTopValueInTheLastClassAndBoundsInTheUpperClass() {
        Classes c = Classes.fixedBreaks(List.of(0.0, 1.0, 2.0, 5.0), Palette.YL_GN_BU, false, v -> String.valueOf((int) v));
        assertEquals(0, c.indexOf(MapValue.number(0, "")));
        assertEquals(1, c.indexOf(MapValue.number(1, "")));
        assertEquals(2, c.indexOf(MapValue.number(5, "")));
        assertEquals(-1, c.indexOf(MapValue.noData()));
    }

    @Test
    void reversedClassesGiveTheDarkestColourToTheLowestValues() {
        Classes c = Classes.fixedBreaks(List.of(1.0, 10.0, 20.0, 30.0), Palette.YL_GN_BU, true, v -> String.valueOf((int) v));
        assertEquals(Palette.YL_GN_BU.colours(3).get(2), c.classes().get(0).fill());
    }

    @Test
    void categoriesKeepTheirOrderAndUnknownOnesHaveNoClass() {
        LinkedHashMap<String, String> labels = new LinkedHashMap<>();
        labels.put("B", "bee");
        labels.put("A", "ay");
        Classes c = Classes.categories(labels, Palette.OKABE_ITO.colours(2));
        assertEquals(List.of("bee", "ay"), c.classes().stream().map(Classes.MapClass::label).toList());
        assertEquals(1, c.indexOf(MapValue.category("A", "")));
        assertEquals(-1, c.indexOf(MapValue.category("C", "")));
    }
}
