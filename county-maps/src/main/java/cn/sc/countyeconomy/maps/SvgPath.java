package cn.sc.countyeconomy.maps;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/** SVG path data of polygons in pixels, one decimal, written without the locale (deterministic). */
final class SvgPath {

    private SvgPath() {
    }

    static String of(Geometry g) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p) {
                ring(d, p.getExteriorRing());
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    ring(d, p.getInteriorRingN(h));
                }
            }
        }
        return d.toString();
    }

    private static void ring(StringBuilder d, LineString ring) {
        int n = ring.getNumPoints() - 1; // the closing point repeats the first: Z draws it
        if (n < 3) {
            return;
        }
        for (int i = 0; i < n; i++) {
            d.append(i == 0 ? 'M' : 'L');
            number(d, ring.getCoordinateN(i).x);
            d.append(' ');
            number(d, ring.getCoordinateN(i).y);
        }
        d.append('Z');
    }

    /** A number with one decimal ("12.3", "-0.4", "7"), independent of the default locale. */
    static void number(StringBuilder d, double v) {
        long tenths = Math.round(v * 10);
        if (tenths < 0) {
            d.append('-');
            tenths = -tenths;
        }
        d.append(tenths / 10);
        if (tenths % 10 != 0) {
            d.append('.').append(tenths % 10);
        }
    }
}
