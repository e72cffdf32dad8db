package cn.sc.countyeconomy.registry.client;

import cn.sc.countyeconomy.maps.BaseMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The base maps of the county shapes the registry serves, kept: by date (the last
 * {@value #DATES} dates asked for) and by the shapes' content, so that two dates whose shapes are
 * the same share one base map. The first map of a date fetches the shapes (several MB) and
 * prepares them (about a second); later maps of that date only write SVG.
 */
@ApplicationScoped
public class RegistryBaseMaps {

    /** Width of the map area in pixels; the legend panel comes beside it. */
    public static final double WIDTH = 760;
    static final int DATES = 32;
    static final int CONTENTS = 4;

    @Inject
    CountyRegistry registry;

    private final Map<LocalDate, BaseMap> byDate = lru(DATES);
    private final Map<String, BaseMap> byContent = lru(CONTENTS);

    /** The base map of the counties valid on the date (a 503 problem when the registry cannot be reached). */
    public BaseMap of(LocalDate asOf) {
        synchronized (byDate) {
            BaseMap known = byDate.get(asOf);
            if (known != null) {
                return known;
            }
        }
        String shapes = registry.shapes(asOf);
        String digest = sha256(shapes);
        BaseMap base;
        synchronized (byContent) {
            base = byContent.get(digest);
        }
        if (base == null) {
            base = BaseMap.fromGeoJson(shapes, WIDTH);
            synchronized (byContent) {
                byContent.put(digest, base);
            }
        }
        synchronized (byDate) {
            byDate.put(asOf, base);
        }
        return base;
    }

    private static <K, V> Map<K, V> lru(int size) {
        return new LinkedHashMap<>(16, 0.75f, true) {

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > size;
            }
        };
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
