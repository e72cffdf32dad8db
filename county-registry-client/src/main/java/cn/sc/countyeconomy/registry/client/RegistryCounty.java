package cn.sc.countyeconomy.registry.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.List;

/**
 * A county as the registry answers for a date. {@code status} is relative to that date: ACTIVE
 * (a version of the code is valid then), RETIRED (it existed before and not then; see
 * successors), NOT_YET_VALID (it exists only later).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegistryCounty(String code, String name, String nameEn, String level, String type,
        String prefectureCode, String prefectureName, String regionCode, String regionName,
        LocalDate validFrom, LocalDate validTo, String status,
        List<CodeName> successors, List<CodeName> predecessors,
        Category category, List<RegistryDesignation> designations, long version) {

    public static final String ACTIVE = "ACTIVE";
    public static final String RETIRED = "RETIRED";
    public static final String NOT_YET_VALID = "NOT_YET_VALID";

    public boolean active() {
        return ACTIVE.equals(status);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CodeName(String code, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Category(Integer year, String code, String name) {
    }
}
