package cn.sc.countyeconomy.registry.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;

/** A category assignment as the local copy loads it: ended ones too, with the day they ended. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CopiedCategoryAssignment(Long id, String countyCode, int year, String categoryCode, String source, LocalDate endedOn,
        long version) {
}
