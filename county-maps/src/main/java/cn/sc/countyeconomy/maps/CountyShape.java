package cn.sc.countyeconomy.maps;

import org.locationtech.jts.geom.Geometry;

/**
 * One county-level division's shape, as the registry serves it: code, name, its prefecture, and
 * its polygon(s) in longitude/latitude degrees.
 */
public record CountyShape(String code, String name, String prefectureCode, String prefectureName, Geometry lonLat) {
}
