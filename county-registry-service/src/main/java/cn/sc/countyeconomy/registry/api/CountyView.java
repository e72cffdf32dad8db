package cn.sc.countyeconomy.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

@Schema(name = "County", description = "A county-level division as it was on the date asked for (asOf).")
public record CountyView(
        @Schema(description = "6-digit division code (GB/T 2260).", example = "510522") String code,
        @Schema(description = "Chinese name on asOf.", example = "合江县") String name,
        @Schema(description = "English/pinyin name.", example = "Hejiang County") String nameEn,
        @Schema(description = "Always COUNTY (county level).", example = "COUNTY") String level,
        @Schema(description = "DISTRICT, COUNTY_LEVEL_CITY, COUNTY or AUTONOMOUS_COUNTY (outside Sichuan also BANNER, AUTONOMOUS_BANNER, FORESTRY_DISTRICT, SPECIAL_DISTRICT).", example = "COUNTY") String type,
        @Schema(description = "Code of the prefecture it belonged to on asOf.", example = "510500") String prefectureCode,
        @Schema(description = "Name of that prefecture then.", example = "泸州市") String prefectureName,
        @Schema(description = "Economic region of the prefecture (null where none is defined).", example = "SOUTH_SICHUAN") String regionCode,
        @Schema(description = "Name of the economic region.", example = "川南经济区") String regionName,
        @Schema(description = "First day of the version shown (inclusive). When validFromKnown is false no source dates the start and this is the register's baseline 1949-10-01, meaning \"not known to have changed\", not a founding date.") LocalDate validFrom,
        @Schema(description = "Day the version shown ended (exclusive); null while current.") LocalDate validTo,
        @Schema(description = "Whether a source dates validFrom (validFromSource); false: the start is unknown and validFrom is the baseline.") boolean validFromKnown,
        @Schema(description = "The source that dates validFrom; null when the start is unknown.", nullable = true) String validFromSource,
        @Schema(description = "First day a source records the version shown; what is said for an earlier asOf rests on the assumption that it was unchanged since.") LocalDate recordedSince,
        @Schema(description = "RECORDED: a source records the answer for asOf; ASSUMED_UNCHANGED_SINCE: asOf is before recordedSince, and the answer assumes the division was unchanged since then.", enumeration = {
                "RECORDED", "ASSUMED_UNCHANGED_SINCE"}) String asOfBasis,
        @Schema(description = "ACTIVE: valid on asOf; RETIRED: existed before asOf but not on it; NOT_YET_VALID: exists only after asOf.", enumeration = {
                "ACTIVE", "RETIRED", "NOT_YET_VALID"}) String status,
        @Schema(description = "Codes that took over from this one (changes effective on or before asOf).") List<CodeName> successors,
        @Schema(description = "Codes this one took over from (changes effective on or before asOf).") List<CodeName> predecessors,
        @Schema(description = "The change that retired this code (status RETIRED), else null.", nullable = true) ChangeSummary retiredBy,
        @Schema(description = "Assessment category: the latest assignment for a year up to asOf's year, or null.", nullable = true) CategoryRef category,
        @Schema(description = "Designations active on asOf.") List<DesignationView> designations,
        @Schema(description = "Where the data of this version comes from.") String source,
        @Schema(description = "Version of the record shown; also its ETag.") long version) {

    public static final String RECORDED = "RECORDED";
    public static final String ASSUMED_UNCHANGED_SINCE = "ASSUMED_UNCHANGED_SINCE";
}
