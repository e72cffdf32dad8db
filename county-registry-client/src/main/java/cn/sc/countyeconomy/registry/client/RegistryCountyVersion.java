package cn.sc.countyeconomy.registry.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;

/** One version of a county-level division over [validFrom, validTo), as {@code GET /api/v1/county-versions} lists it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegistryCountyVersion(String code, String name, String nameEn, String type, String prefectureCode, String prefectureName,
        LocalDate validFrom, LocalDate validTo, long version) {
}
