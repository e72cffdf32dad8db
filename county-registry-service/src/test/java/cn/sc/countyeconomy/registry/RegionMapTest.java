package cn.sc.countyeconomy.registry;

import cn.sc.countyeconomy.api.testing.DocumentedExamples;
import cn.sc.countyeconomy.api.testing.OpenApiOperations;
import cn.sc.countyeconomy.api.testing.PostgresTestResource;
import cn.sc.countyeconomy.api.testing.Problems;
import cn.sc.countyeconomy.api.testing.TestTokens;
import cn.sc.countyeconomy.maps.testing.SvgMap;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

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
        return SvgMap.keep("regions-" + asOf + ".svg", svg);
    }

    @Test
    void everyCountyIsDrawnInItsRegionsColourWithOneLegendEntryPerRegionAnd21Prefectures() {
        SvgMap map = SvgMap.parse(map("2024-12-31")).assertWellFormedMap(183, "as of 2024-12-31", true);
        assertEquals(5, map.legendFills().size(), "one legend entry per economic region: Sichuan has five");
        assertEquals(Set.of(), map.legendPatterns(), "every county has a region");
        assertEquals(21, map.prefectureCodes().size());
        assertTrue(map.hover("510522").startsWith("合江县 510522: "), map.hover("510522"));
    }

    @Test
    void theSameDateGivesTheSameMapAndABadDateIsA400() {
        assertEquals(map("2024-12-31"), map("2024-12-31"));
        given().header("Authorization", TestTokens.bearer("reader")).queryParam("asOf", "2024-13-01").get("/api/v1/maps/regions").then()
                .spec(Problems.problem(400, "invalid-parameter"));
    }

    @Test
    void theDocumentedExampleAnswersTheMapOfItsDate() {
        DocumentedExamples.Example example = DocumentedExamples.of(OpenApiOperations.load(), "getRegionsMap", null);
        assertEquals(Map.of("asOf", "2024-12-31"), example.query());
        assertEquals(map("2024-12-31"), SvgMap.keep("example-regions.svg", example.send().extract().asString()));
    }
}
