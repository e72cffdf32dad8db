package cn.sc.countyeconomy.maps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the registry's county FeatureCollection ({@code GET /api/v1/counties.geojson}): each
 * feature's {@code code}, {@code name}, {@code prefectureCode}, {@code prefectureName} and its
 * Polygon or MultiPolygon. Other geometry types are skipped (the registry serves none).
 */
public final class GeoJsonCounties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private GeoJsonCounties() {
    }

    /** The counties of the collection, ordered by code. */
    public static List<CountyShape> read(String featureCollection) {
        JsonNode root;
        try {
            root = JSON.readTree(featureCollection);
        } catch (IOException e) {
            throw new UncheckedIOException("the county shapes are not JSON", e);
        }
        List<CountyShape> shapes = new ArrayList<>();
        for (JsonNode f : root.path("features")) {
            JsonNode p = f.path("properties");
            JsonNode g = f.path("geometry");
            List<Polygon> polygons = new ArrayList<>();
            switch (g.path("type").asText()) {
                case "Polygon" -> polygons.add(polygon(g.path("coordinates")));
                case "MultiPolygon" -> g.path("coordinates").forEach(c -> polygons.add(polygon(c)));
                default -> {
                    continue;
                }
            }
            shapes.add(new CountyShape(p.path("code").asText(), p.path("name").asText(), p.path("prefectureCode").asText(null),
                    p.path("prefectureName").asText(null),
                    polygons.size() == 1 ? polygons.get(0) : GEOMETRY.createMultiPolygon(polygons.toArray(Polygon[]::new))));
        }
        shapes.sort(Comparator.comparing(CountyShape::code));
        return List.copyOf(shapes);
    }

    private static Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return GEOMETRY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode points) {
        List<Coordinate> c = new ArrayList<>(points.size() + 1);
        for (JsonNode p : points) {
            c.add(new Coordinate(p.get(0).asDouble(), p.get(1).asDouble()));
        }
        if (!c.isEmpty() && !c.get(0).equals2D(c.get(c.size() - 1))) {
            c.add(new Coordinate(c.get(0)));
        }
        while (c.size() < 4) {
            c.add(new Coordinate(c.get(c.size() - 1)));
        }
        return GEOMETRY.createLinearRing(c.toArray(Coordinate[]::new));
    }
}
