package cn.sc.countyeconomy.maps;

/**
 * What a map shows for one county: a number, a category, or one of three states drawn as
 * patterns: no data, disqualified, not applicable. {@code display} is the text of the county's
 * hover title ("73.2", "3 of 5 forces").
 */
public record MapValue(Kind kind, Double number, String category, String display) {

    public enum Kind {
        NUMBER, CATEGORY, NO_DATA, DISQUALIFIED, NOT_APPLICABLE
    }

    public static MapValue number(double value, String display) {
        return new MapValue(Kind.NUMBER, value, null, display);
    }

    public static MapValue category(String key, String display) {
        return new MapValue(Kind.CATEGORY, null, key, display);
    }

    public static MapValue noData() {
        return new MapValue(Kind.NO_DATA, null, null, "no data");
    }

    public static MapValue disqualified(String display) {
        return new MapValue(Kind.DISQUALIFIED, null, null, display == null ? "disqualified" : display);
    }

    public static MapValue notApplicable(String display) {
        return new MapValue(Kind.NOT_APPLICABLE, null, null, display == null ? "not applicable" : display);
    }

    boolean special() {
        return kind == Kind.NO_DATA || kind == Kind.DISQUALIFIED || kind == Kind.NOT_APPLICABLE;
    }
}
