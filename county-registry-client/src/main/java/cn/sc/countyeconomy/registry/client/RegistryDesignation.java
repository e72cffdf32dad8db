package cn.sc.countyeconomy.registry.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;

/**
 * A designation of a county (UNDERDEVELOPED_COUNTY, REFORM_PILOT, ...) over [validFrom, validTo), from
 * a source {@code <system>:<programme>} (e.g. {@code reform-pilot:programme/1}; see the registry's README).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegistryDesignation(Long id, String typeCode, String countyCode, String countyName,
        LocalDate validFrom, LocalDate validTo, String evidenceStatus,
        String sourceRef, String note, String source, long version) {

    public static final String UNDERDEVELOPED_COUNTY = "UNDERDEVELOPED_COUNTY";
    public static final String REFORM_PILOT = "REFORM_PILOT";

    public boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
    }
}
