package cn.sc.countyeconomy.registry.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Which of the four assessment categories a county is in for a year. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegistryCategoryAssignment(Long id, String countyCode, String countyName, int year,
        String categoryCode, String categoryName, String source, long version) {

    public static final String CITY_CORE_DISTRICT = "CITY_CORE_DISTRICT";
    public static final String KEY_DEVELOPMENT = "KEY_DEVELOPMENT";
    public static final String MAIN_FARM_PRODUCE = "MAIN_FARM_PRODUCE";
    public static final String KEY_ECOLOGICAL_FUNCTION = "KEY_ECOLOGICAL_FUNCTION";
}
