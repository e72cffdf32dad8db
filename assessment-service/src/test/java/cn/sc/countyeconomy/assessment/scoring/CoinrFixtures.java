package cn.sc.countyeconomy.assessment.scoring;

import cn.sc.countyeconomy.assessment.scoring.Model.*;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.*;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fixtures that tools/coinr/make-fixtures.R wrote with COINr itself
 * (src/test/resources/coinr/*.json, COINr version in their header), turned into this package's
 * schemes and inputs. Every case is one category "A".
 */
final class CoinrFixtures {

    static final String CATEGORY = "A";

    /** 1e-9 relative to the value, or absolute for values below 1 in size. */
    static final double TOLERANCE = 1e-9;

    private CoinrFixtures() {
    }

    static JsonNode read(String name) {
        try (InputStream in = CoinrFixtures.class.getResourceAsStream("/coinr/" + name)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Scheme scheme(JsonNode s) {
        List<IndicatorSpec> specs = new ArrayList<>();
        Map<String, Double> weights = new LinkedHashMap<>();
        for (JsonNode i : s.get("indicators")) {
            specs.add(new IndicatorSpec(i.get("code").asText(), i.get("area").asText(), Direction.valueOf(i.get("direction").asText()),
                    Normalisation.valueOf(i.get("normalisation").asText()), Imputation.valueOf(i.get("imputation").asText()),
                    i.get("treat").asBoolean(), number(i.get("target")), number(i.get("lowerGoalpost")), number(i.get("upperGoalpost"))));
            weights.put(i.get("code").asText(), i.get("weight").asDouble());
        }
        JsonNode p = s.get("parameters");
        Parameters params = p == null
                ? null
                : new Parameters(p.has("winmax") ? p.get("winmax").asInt() : null, number(p.get("skewThreshold")),
                        number(p.get("kurtosisThreshold")), number(p.get("minMaxLower")), number(p.get("minMaxUpper")),
                        number(p.get("zScoreMean")), number(p.get("zScoreSd")),
                        p.has("dist2targCapMax") ? p.get("dist2targCapMax").asBoolean() : null, number(p.get("goalpostScale")),
                        p.has("goalpostTruncate") ? p.get("goalpostTruncate").asBoolean() : null);
        return new Scheme(specs, Map.of(CATEGORY, weights), Aggregation.valueOf(s.get("aggregation").asText()),
                s.get("minDataShare").asDouble(), List.of(), List.of(), params);
    }

    static List<CountyInput> inputs(JsonNode data, Scheme scheme) {
        List<CountyInput> in = new ArrayList<>();
        for (JsonNode row : data) {
            Map<String, Double> v = new HashMap<>();
            for (IndicatorSpec s : scheme.indicators()) {
                Double x = number(row.get(s.code()));
                if (x != null) {
                    v.put(s.code(), x);
                }
            }
            in.add(new CountyInput(row.get("uCode").asText(), CATEGORY, v));
        }
        return in;
    }

    static Double number(JsonNode n) {
        return n == null || n.isNull() ? null : n.asDouble();
    }

    static void assertClose(Double expected, Double actual, String what) {
        if (expected == null) {
            assertNull(actual, what + ": COINr gives NA/NaN");
            return;
        }
        assertTrue(actual != null, what + ": COINr gives " + expected + ", got nothing");
        double tol = TOLERANCE * Math.max(1, Math.abs(expected));
        assertEquals(expected, actual, tol, what);
    }
}
