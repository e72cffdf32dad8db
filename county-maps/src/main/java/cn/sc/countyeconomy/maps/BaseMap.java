package cn.sc.countyeconomy.maps;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The drawing-ready outlines of a set of counties: projected ({@link AlbersProjection#SICHUAN}),
 * fitted to a width in pixels, simplified (JTS topology-preserving Douglas-Peucker at
 * {@value #TOLERANCE_PX} px) and written as SVG path data; with the outline of each prefecture,
 * the union of its counties. Making one costs a few hundred milliseconds for the 183 counties;
 * it is immutable, so callers keep it (per date of the shapes) and a map then only writes strings.
 */
public final class BaseMap {

    /** Below this a simplified vertex is not visible (half a pixel on screen). */
    static final double TOLERANCE_PX = 0.5;
    /** Closes the hairline gaps between neighbouring coarse shapes before their union. */
    private static final double SNAP_PX = 0.8;
    /** Holes smaller than this (px²) in a prefecture's union are slivers between its counties. */
    private static final double SLIVER_PX2 = 30;

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    public record CountyOutline(String code, String name, String prefectureCode, String prefectureName, String path, double area) {
    }

    public record PrefectureOutline(String code, String name, String path) {
    }

    private final List<CountyShape> shapes;
    private final List<CountyOutline> counties;
    private final List<PrefectureOutline> prefectures;
    private final double width;
    private final double height;
    private final Map<String, BaseMap> subsets = new ConcurrentHashMap<>();

    private BaseMap(List<CountyShape> shapes, double width) {
        this.shapes = shapes;
        this.width = width;
        Envelope extent = new Envelope();
        List<Geometry> projected = new ArrayList<>(shapes.size());
        for (CountyShape s : shapes) {
            Geometry g = s.lonLat().copy();
            g.apply(new Project());
            extent.expandToInclude(g.getEnvelopeInternal());
            projected.add(g);
        }
        double scale = extent.getWidth() == 0 ? 1 : width / extent.getWidth();
        this.height = Math.ceil(extent.getHeight() * scale);
        List<CountyOutline> outlines = new ArrayList<>(shapes.size());
        Map<String, List<Geometry>> byPrefecture = new TreeMap<>();
        Map<String, String> prefectureNames = new TreeMap<>();
        for (int i = 0; i < shapes.size(); i++) {
            CountyShape s = shapes.get(i);
            Geometry g = projected.get(i);
            g.apply(new Fit(extent.getMinX(), extent.getMaxY(), scale));
            g.geometryChanged();
            Geometry simple = DouglasPeuckerSimplifier.simplify(g, TOLERANCE_PX);
            outlines.add(new CountyOutline(s.code(), s.name(), s.prefectureCode(), s.prefectureName(), SvgPath.of(simple), simple.getArea()));
            if (s.prefectureCode() != null) {
                byPrefecture.computeIfAbsent(s.prefectureCode(), k -> new ArrayList<>()).add(simple);
                prefectureNames.putIfAbsent(s.prefectureCode(), s.prefectureName());
            }
        }
        this.counties = List.copyOf(outlines);
        List<PrefectureOutline> prefs = new ArrayList<>();
        byPrefecture.forEach((code, parts) -> prefs.add(new PrefectureOutline(code, prefectureNames.get(code), SvgPath.of(union(parts)))));
        this.prefectures = List.copyOf(prefs);
    }

    /** The base map of these counties, {@code width} pixels wide (the height follows the shape). */
    public static BaseMap of(Collection<CountyShape> shapes, double width) {
        return new BaseMap(shapes.stream().sorted(java.util.Comparator.comparing(CountyShape::code)).toList(), width);
    }

    /** The base map of the counties the registry's FeatureCollection holds. */
    public static BaseMap fromGeoJson(String featureCollection, double width) {
        return new BaseMap(GeoJsonCounties.read(featureCollection), width);
    }

    /** The counties of one prefecture alone, refitted to {@code width}; kept once made. */
    public BaseMap prefecture(String prefectureCode, double width) {
        return subset(prefectureCode + "@" + width, s -> prefectureCode.equals(s.prefectureCode()), width);
    }

    private BaseMap subset(String key, Predicate<CountyShape> which, double width) {
        return subsets.computeIfAbsent(key, k -> new BaseMap(shapes.stream().filter(which).toList(), width));
    }

    public List<CountyOutline> counties() {
        return counties;
    }

    public List<PrefectureOutline> prefectures() {
        return prefectures;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    private static Geometry union(List<Geometry> parts) {
        // snap-rounding to a grid of SNAP_PX closes the hairline gaps and overlaps between coarse neighbours
        Geometry u = UnaryUnionNG.union(GEOMETRY.buildGeometry(parts), new PrecisionModel(1 / SNAP_PX));
        List<Polygon> polygons = new ArrayList<>();
        for (int i = 0; i < u.getNumGeometries(); i++) {
            Polygon p = (Polygon) u.getGeometryN(i);
            List<LinearRing> holes = new ArrayList<>();
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                LinearRing hole = p.getInteriorRingN(h);
                if (Math.abs(org.locationtech.jts.algorithm.Area.ofRing(hole.getCoordinateSequence())) >= SLIVER_PX2) {
                    holes.add(hole);
                }
            }
            polygons.add(GEOMETRY.createPolygon(p.getExteriorRing(), holes.toArray(LinearRing[]::new)));
        }
        Geometry cleaned = polygons.size() == 1 ? polygons.get(0) : GEOMETRY.createMultiPolygon(polygons.toArray(Polygon[]::new));
        return TopologyPreservingSimplifier.simplify(cleaned, TOLERANCE_PX);
    }

    /** Longitude/latitude to the Albers plane. */
    private static final class Project implements CoordinateSequenceFilter {

        @Override
        public void filter(CoordinateSequence seq, int i) {
            double[] xy = AlbersProjection.SICHUAN.project(seq.getX(i), seq.getY(i));
            seq.setOrdinate(i, 0, xy[0]);
            seq.setOrdinate(i, 1, xy[1]);
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    }

    /** The Albers plane to pixels: origin top left, y down. */
    private record Fit(double minX, double maxY, double scale) implements CoordinateSequenceFilter {

        @Override
        public void filter(CoordinateSequence seq, int i) {
            Coordinate c = seq.getCoordinate(i);
            seq.setOrdinate(i, 0, (c.x - minX) * scale);
            seq.setOrdinate(i, 1, (maxY - c.y) * scale);
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    }
}
