package cn.sc.countyeconomy.maps;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a {@link Choropleth} over a {@link BaseMap} as one standalone SVG document: title and
 * period above, the counties filled by class (each with a {@code <title>} of its name and value,
 * which browsers show on hover), prefecture borders over the county borders, a legend with one
 * entry per class followed by the patterns in use, the source below. Text uses a font stack that
 * common systems have for Chinese. Output depends only on the inputs: counties and prefectures
 * in code order, numbers written without the locale.
 */
public final class SvgChoropleth {

    public static final String MEDIA_TYPE = "image/svg+xml";

    static final String FONTS = "'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','PingFang SC','Hiragino Sans GB',"
            + "'Microsoft YaHei','WenQuanYi Micro Hei',sans-serif";

    private static final double PAD = 16;
    private static final double HEADER = 64;
    private static final double FOOTER = 30;
    private static final double LEGEND = 260;
    private static final double SWATCH = 16;
    private static final double ROW = 22;

    private SvgChoropleth() {
    }

    public static String render(BaseMap base, Choropleth map) {
        List<Classes.MapClass> classes = map.classes().classes();
        Set<MapValue.Kind> patterns = EnumSet.noneOf(MapValue.Kind.class);
        double legendHeight = 40 + ROW * (classes.size() + 3);
        double mapHeight = Math.max(base.height(), legendHeight);
        double width = PAD + base.width() + PAD + LEGEND;
        double height = HEADER + mapHeight + FOOTER;
        StringBuilder out = new StringBuilder(base.counties().size() * 1200 + 4096);
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 ");
        SvgPath.number(out, width);
        out.append(' ');
        SvgPath.number(out, height);
        out.append("\" width=\"");
        SvgPath.number(out, width);
        out.append("\" height=\"");
        SvgPath.number(out, height);
        out.append("\" font-family=\"").append(FONTS).append("\" role=\"img\" aria-labelledby=\"map-title\">\n");
        out.append("<title id=\"map-title\">").append(escape(map.title())).append(" (").append(escape(map.period())).append(")</title>\n");
        defs(out);
        out.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        out.append("<text class=\"title\" x=\"").append((int) PAD).append("\" y=\"30\" font-size=\"20\" font-weight=\"bold\" fill=\"#222\">")
                .append(escape(map.title())).append("</text>\n");
        out.append("<text class=\"period\" x=\"").append((int) PAD).append("\" y=\"52\" font-size=\"14\" fill=\"#444\">")
                .append(escape(map.period())).append("</text>\n");
        out.append("<g id=\"counties\" transform=\"translate(").append((int) PAD).append(' ').append((int) HEADER)
                .append(")\" stroke=\"#ffffff\" stroke-width=\"0.5\" stroke-linejoin=\"round\">\n");
        for (BaseMap.CountyOutline c : base.counties()) {
            MapValue v = map.values().getOrDefault(c.code(), map.absent());
            int k = map.classes().indexOf(v);
            String fill;
            if (k >= 0) {
                fill = classes.get(k).fill();
            } else {
                MapValue.Kind kind = v.special() ? v.kind() : MapValue.Kind.NO_DATA;
                patterns.add(kind);
                fill = "url(#" + patternId(kind) + ")";
            }
            out.append("<path class=\"county\" id=\"c").append(c.code()).append("\" data-code=\"").append(c.code())
                    .append("\" data-class=\"").append(k >= 0 ? Integer.toString(k) : patternId(v.special() ? v.kind() : MapValue.Kind.NO_DATA))
                    .append("\" fill=\"").append(fill).append("\" d=\"").append(c.path()).append("\"><title>").append(escape(c.name()))
                    .append(' ').append(c.code()).append(": ").append(escape(v.display())).append("</title></path>\n");
        }
        out.append("</g>\n");
        out.append("<g id=\"prefectures\" transform=\"translate(").append((int) PAD).append(' ').append((int) HEADER)
                .append(")\" fill=\"none\" stroke=\"#252525\" stroke-width=\"1.3\" stroke-linejoin=\"round\" pointer-events=\"none\">\n");
        for (BaseMap.PrefectureOutline p : base.prefectures()) {
            out.append("<path class=\"prefecture\" data-code=\"").append(p.code()).append("\" d=\"").append(p.path()).append("\"/>\n");
        }
        out.append("</g>\n");
        if (!map.highlight().isEmpty()) {
            out.append("<g id=\"highlight\" transform=\"translate(").append((int) PAD).append(' ').append((int) HEADER)
                    .append(")\" fill=\"none\" stroke=\"#000000\" stroke-width=\"3\" pointer-events=\"none\">\n");
            for (BaseMap.CountyOutline c : base.counties()) {
                if (map.highlight().contains(c.code())) {
                    out.append("<path data-code=\"").append(c.code()).append("\" d=\"").append(c.path()).append("\"/>\n");
                }
            }
            out.append("</g>\n");
        }
        legend(out, map, classes, patterns, PAD + base.width() + PAD);
        out.append("<text class=\"source\" x=\"").append((int) PAD).append("\" y=\"");
        SvgPath.number(out, height - 10);
        out.append("\" font-size=\"11\" fill=\"#555\">").append(escape(map.source())).append("</text>\n");
        out.append("</svg>\n");
        return out.toString();
    }

    private static void legend(StringBuilder out, Choropleth map, List<Classes.MapClass> classes, Set<MapValue.Kind> patterns, double x) {
        out.append("<g id=\"legend\" transform=\"translate(");
        SvgPath.number(out, x);
        out.append(' ').append((int) HEADER).append(")\" font-size=\"13\" fill=\"#222\">\n");
        out.append("<text class=\"legend-title\" x=\"0\" y=\"14\" font-weight=\"bold\">").append(escape(map.legendTitle())).append("</text>\n");
        double y = 28;
        for (int i = 0; i < classes.size(); i++, y += ROW) {
            Classes.MapClass c = classes.get(i);
            out.append("<g class=\"legend-class\" data-class=\"").append(i).append("\"><rect x=\"0\" y=\"");
            SvgPath.number(out, y);
            out.append("\" width=\"").append((int) SWATCH).append("\" height=\"").append((int) SWATCH).append("\" fill=\"").append(c.fill())
                    .append("\" stroke=\"#777\" stroke-width=\"0.5\"/><text x=\"24\" y=\"");
            SvgPath.number(out, y + 13);
            out.append("\">").append(escape(c.label())).append("</text></g>\n");
        }
        for (MapValue.Kind kind : patterns) {
            out.append("<g class=\"legend-pattern\" data-pattern=\"").append(patternId(kind)).append("\"><rect x=\"0\" y=\"");
            SvgPath.number(out, y);
            out.append("\" width=\"").append((int) SWATCH).append("\" height=\"").append((int) SWATCH).append("\" fill=\"url(#")
                    .append(patternId(kind)).append(")\" stroke=\"#777\" stroke-width=\"0.5\"/><text x=\"24\" y=\"");
            SvgPath.number(out, y + 13);
            out.append("\">").append(patternLabel(kind)).append("</text></g>\n");
            y += ROW;
        }
        out.append("</g>\n");
    }

    private static void defs(StringBuilder out) {
        out.append("<defs>\n")
                .append("<pattern id=\"no-data\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">")
                .append("<rect width=\"6\" height=\"6\" fill=\"#f0f0f0\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#969696\" stroke-width=\"1.5\"/></pattern>\n")
                .append("<pattern id=\"disqualified\" width=\"7\" height=\"7\" patternUnits=\"userSpaceOnUse\">")
                .append("<rect width=\"7\" height=\"7\" fill=\"#d9d9d9\"/><path d=\"M0 0L7 7M7 0L0 7\" stroke=\"#252525\" stroke-width=\"1.2\"/></pattern>\n")
                .append("<pattern id=\"not-applicable\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\">")
                .append("<rect width=\"5\" height=\"5\" fill=\"#fafafa\"/><circle cx=\"2.5\" cy=\"2.5\" r=\"0.8\" fill=\"#bdbdbd\"/></pattern>\n")
                .append("</defs>\n");
    }

    static String patternId(MapValue.Kind kind) {
        return switch (kind) {
            case DISQUALIFIED -> "disqualified";
            case NOT_APPLICABLE -> "not-applicable";
            default -> "no-data";
        };
    }

    private static String patternLabel(MapValue.Kind kind) {
        return switch (kind) {
            case DISQUALIFIED -> "disqualified 取消资格";
            case NOT_APPLICABLE -> "not applicable 不适用";
            default -> "no data 无数据";
        };
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
