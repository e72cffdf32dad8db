package cn.sc.countyeconomy.maps;

/**
 * Albers equal-area conic projection on a sphere (Snyder, Map Projections: A Working Manual,
 * 1987, eq. 14-1 to 14-4), with standard parallels 27°N and 33°N and central meridian 103°E:
 * Sichuan spans about 26-34°N and 97-108.5°E, so areas are true and shapes nearly so, where raw
 * longitude/latitude would stretch the province east-west by 1/cos(30°).
 */
public final class AlbersProjection {

    public static final AlbersProjection SICHUAN = new AlbersProjection(27, 33, 30, 103);

    private final double n;
    private final double c;
    private final double rho0;
    private final double lambda0;

    public AlbersProjection(double parallel1, double parallel2, double originLatitude, double centralMeridian) {
        double phi1 = Math.toRadians(parallel1);
        double phi2 = Math.toRadians(parallel2);
        n = (Math.sin(phi1) + Math.sin(phi2)) / 2;
        c = Math.cos(phi1) * Math.cos(phi1) + 2 * n * Math.sin(phi1);
        rho0 = Math.sqrt(c - 2 * n * Math.sin(Math.toRadians(originLatitude))) / n;
        lambda0 = Math.toRadians(centralMeridian);
    }

    /** x (east) and y (north) on the unit sphere for a longitude and latitude in degrees. */
    public double[] project(double lon, double lat) {
        double rho = Math.sqrt(c - 2 * n * Math.sin(Math.toRadians(lat))) / n;
        double theta = n * (Math.toRadians(lon) - lambda0);
        return new double[]{rho * Math.sin(theta), rho0 - rho * Math.cos(theta)};
    }
}
