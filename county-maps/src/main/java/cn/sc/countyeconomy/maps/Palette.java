package cn.sc.countyeconomy.maps;

import java.util.List;

/**
 * Colour schemes. The sequential and diverging ones are ColorBrewer's (Cynthia Brewer, Mark
 * Harrower, The Pennsylvania State University; colorbrewer2.org, Apache-2.0), chosen among those it
 * marks colour-blind safe; the qualitative one is Okabe and Ito's (2008), because ColorBrewer's
 * qualitative schemes are colour-blind safe only up to three classes.
 */
public enum Palette {

    /** Sequential yellow-green-blue: more is darker. */
    YL_GN_BU(List.of(
            List.of("#edf8b1", "#7fcdbb", "#2c7fb8"),
            List.of("#ffffcc", "#a1dab4", "#41b6c4", "#225ea8"),
            List.of("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"),
            List.of("#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"),
            List.of("#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"))),
    /** Diverging red-blue: below the middle red, above blue. */
    RD_BU(List.of(
            List.of("#ef8a62", "#f7f7f7", "#67a9cf"),
            List.of("#ca0020", "#f4a582", "#92c5de", "#0571b0"),
            List.of("#ca0020", "#f4a582", "#f7f7f7", "#92c5de", "#0571b0"),
            List.of("#b2182b", "#ef8a62", "#fddbc7", "#d1e5f0", "#67a9cf", "#2166ac"),
            List.of("#b2182b", "#ef8a62", "#fddbc7", "#f7f7f7", "#d1e5f0", "#67a9cf", "#2166ac"))),
    /** Qualitative, Okabe-Ito, for categories without order. */
    OKABE_ITO(List.of(List.of("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7")));

    /** The largest number of classes any scheme here has. */
    public static final int MAX_CLASSES = 7;

    private final List<List<String>> bySize;

    Palette(List<List<String>> bySize) {
        this.bySize = bySize;
    }

    /** {@code n} colours (1 to 7) from light to dark, or low to high for a diverging scheme. */
    public List<String> colours(int n) {
        if (n < 1 || n > MAX_CLASSES) {
            throw new IllegalArgumentException("between 1 and " + MAX_CLASSES + " classes, not " + n);
        }
        if (this == OKABE_ITO) {
            return bySize.get(0).subList(0, n);
        }
        if (n < 3) {
            List<String> three = bySize.get(0);
            return n == 1 ? List.of(three.get(1)) : List.of(three.get(0), three.get(2));
        }
        return bySize.get(n - 3);
    }
}
