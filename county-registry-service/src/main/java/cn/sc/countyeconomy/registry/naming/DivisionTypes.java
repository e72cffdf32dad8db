package cn.sc.countyeconomy.registry.naming;

import java.util.List;

/**
 * The type of a division read from its Chinese name, for divisions that arrive without one
 * (imports, renames). The seed migration keeps its own copy on purpose: a migration must do
 * forever what it did when it ran.
 */
public final class DivisionTypes {

    /** The types a county-level division may have, in the order messages list them. */
    public static final List<String> COUNTY_TYPES = List.of("DISTRICT", "COUNTY_LEVEL_CITY", "COUNTY", "AUTONOMOUS_COUNTY",
            "BANNER", "AUTONOMOUS_BANNER", "FORESTRY_DISTRICT", "SPECIAL_DISTRICT", "UNDIVIDED_PREFECTURE_CITY");

    private DivisionTypes() {
    }

    public static String county(String name) {
        if (name.endsWith("自治县")) {
            return "AUTONOMOUS_COUNTY";
        }
        if (name.endsWith("自治旗")) {
            return "AUTONOMOUS_BANNER";
        }
        if (name.endsWith("林区")) {
            return "FORESTRY_DISTRICT";
        }
        if (name.endsWith("特区")) {
            return "SPECIAL_DISTRICT";
        }
        if (name.endsWith("区")) {
            return "DISTRICT";
        }
        if (name.endsWith("市")) {
            return "COUNTY_LEVEL_CITY";
        }
        if (name.endsWith("旗")) {
            return "BANNER";
        }
        return "COUNTY";
    }

    public static String prefecture(String name) {
        if (name.equals("市辖区")) {
            return "MUNICIPAL_DISTRICTS";
        }
        if (name.equals("县")) {
            return "MUNICIPAL_COUNTIES";
        }
        if (name.endsWith("直辖县级行政区划")) {
            return "PROVINCE_ADMINISTERED";
        }
        if (name.endsWith("自治州")) {
            return "AUTONOMOUS_PREFECTURE";
        }
        if (name.endsWith("地区")) {
            return "REGION";
        }
        if (name.endsWith("盟")) {
            return "LEAGUE";
        }
        return "PREFECTURE_CITY";
    }

    public static String province(String name) {
        if (name.endsWith("自治区")) {
            return "AUTONOMOUS_REGION";
        }
        if (name.endsWith("市")) {
            return "MUNICIPALITY";
        }
        if (name.endsWith("特别行政区")) {
            return "SPECIAL_ADMINISTRATIVE_REGION";
        }
        return "PROVINCE";
    }
}
