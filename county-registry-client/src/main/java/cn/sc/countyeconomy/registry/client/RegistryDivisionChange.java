package cn.sc.countyeconomy.registry.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.List;

/**
 * A division change as {@code GET /api/v1/division-changes} lists it: on {@code effectiveDate} each of
 * {@code toCodes} took over (part of) each of {@code fromCodes} (a code in both continues, and is no
 * successor of itself). The full load of the local copy reads its lineage from these.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegistryDivisionChange(long id, String kind, LocalDate effectiveDate, List<String> fromCodes, List<String> toCodes) {
}
