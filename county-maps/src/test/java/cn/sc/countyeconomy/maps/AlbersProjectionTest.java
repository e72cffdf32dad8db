package cn.sc.countyeconomy.maps;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AlbersProjectionTest {

    @Test
    void theOriginIsAtTheCentralMeridianAndOriginLatitude() {
        double[] xy = AlbersProjection.SICHUAN.project(103, 30);
        assertEquals(0, xy[0], 1e-12);
        assertEquals(0, xy[1], 1e-12);
    }

    @Test
    void aDegreeOfLongitudeAt30NorthIsAboutCos30OfADegreeOfLatitude() {
        double[] a = AlbersProjection.SICHUAN.project(103, 30);
        double[] east = AlbersProjection.SICHUAN.project(104, 30);
        double[] north = AlbersProjection.SICHUAN.project(103, 31);
        double ew = Math.hypot(east[0] - a[0], east[1] - a[1]);
        double ns = Math.hypot(north[0] - a[0], north[1] - a[1]);
        // equal-area between the standard parallels: the east-west to north-south ratio stays within 1 % of the sphere's cos(30°)
        assertEquals(Math.cos(Math.toRadians(30)), ew / ns, 0.01);
    }
}
