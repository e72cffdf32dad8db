package cn.sc.countyeconomy.registry.mapping;

import cn.sc.countyeconomy.registry.AssessmentCategory;
import cn.sc.countyeconomy.registry.CategoryAssignment;
import cn.sc.countyeconomy.registry.Designation;
import cn.sc.countyeconomy.registry.DesignationType;
import cn.sc.countyeconomy.registry.DivisionChange;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The representations of the API (JSON, camelCase). Their shapes are a contract other services depend on. */
public final class Views {

    private Views() {
    }

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
            @Schema(description = "First day of the version shown (inclusive).") LocalDate validFrom,
            @Schema(description = "Day the version shown ended (exclusive); null while current.") LocalDate validTo,
            @Schema(description = "ACTIVE: valid on asOf; RETIRED: existed before asOf but not on it; NOT_YET_VALID: exists only after asOf.", enumeration = {"ACTIVE", "RETIRED", "NOT_YET_VALID"}) String status,
            @Schema(description = "Codes that took over from this one (changes effective on or before asOf).") List<CodeName> successors,
            @Schema(description = "Codes this one took over from.") List<CodeName> predecessors,
            @Schema(description = "The change that retired this code (status RETIRED), else null.", nullable = true) ChangeSummary retiredBy,
            @Schema(description = "Assessment category: the latest assignment for a year up to asOf's year, or null.", nullable = true) CategoryRef category,
            @Schema(description = "Designations active on asOf.") List<DesignationView> designations,
            @Schema(description = "Where the data of this version comes from.") String source,
            @Schema(description = "Version of the record shown; also its ETag.") long version) {
    }

    @Schema(name = "CodeName", description = "A division named by code and name.")
    public record CodeName(@Schema(example = "513402") String code, @Schema(example = "会理市") String name) {
    }

    @Schema(name = "ChangeSummary", description = "A division change in brief.")
    public record ChangeSummary(
            @Schema(description = "Id of the division change.") long id,
            @Schema(description = "RENAME, RECODE, UPGRADE, TRANSFER, MERGE, SPLIT or ABOLISH.") String kind,
            @Schema(description = "Day the change took effect.") LocalDate effectiveDate,
            @Schema(description = "Codes the change took as input.") List<String> fromCodes,
            @Schema(description = "Codes the change produced.") List<String> toCodes,
            @Schema(description = "What happened, in words.") String description,
            @Schema(description = "Source of the change (announcement, file).") String source) {
        public static ChangeSummary of(DivisionChange c) {
            return new ChangeSummary(c.id, c.kind, c.effectiveDate, c.from(), c.to(), c.description, c.source);
        }
    }

    @Schema(name = "CategoryRef", description = "An assessment category for a year.")
    public record CategoryRef(@Schema(example = "2018") int year, @Schema(example = "MAIN_FARM_PRODUCE") String code,
                              @Schema(example = "农产品主产区县") String name) {
    }

    @Schema(name = "Designation", description = "A county holding a designation over [validFrom, validTo).")
    public record DesignationView(
            @Schema(description = "Id.") long id,
            @Schema(description = "Designation type code.", example = "UNDERDEVELOPED_COUNTY") String typeCode,
            @Schema(description = "County code.", example = "511133") String countyCode,
            @Schema(description = "County name (its latest name).", example = "马边彝族自治县") String countyName,
            @Schema(description = "First day (inclusive).") LocalDate validFrom,
            @Schema(description = "End (exclusive); null while open.", nullable = true) LocalDate validTo,
            @Schema(description = "How well the source supports it: LISTED, CORROBORATED, INFERRED, or null.", nullable = true, enumeration = {"LISTED", "CORROBORATED", "INFERRED"}) String evidenceStatus,
            @Schema(description = "Reference to the source (URL or document).") String sourceRef,
            @Schema(description = "Free note, e.g. the assumptions behind the dates.", nullable = true) String note,
            @Schema(description = "Version; also the ETag.") long version) {
        public static DesignationView of(Designation d, String countyName) {
            return new DesignationView(d.id, d.typeCode, d.countyCode, countyName, d.validFrom, d.validTo, d.evidenceStatus,
                    d.sourceRef, d.note, d.version);
        }
    }

    @Schema(name = "CategoryAssignment", description = "The assessment category of a county for one year.")
    public record CategoryAssignmentView(
            @Schema(description = "Id.") long id,
            @Schema(example = "510421") String countyCode,
            @Schema(description = "County name (its latest name).", example = "米易县") String countyName,
            @Schema(example = "2018") int year,
            @Schema(example = "MAIN_FARM_PRODUCE", enumeration = {"CITY_CORE_DISTRICT", "KEY_DEVELOPMENT", "MAIN_FARM_PRODUCE", "KEY_ECOLOGICAL_FUNCTION"}) String categoryCode,
            @Schema(example = "农产品主产区县") String categoryName,
            @Schema(description = "Source of the assignment.") String source,
            @Schema(description = "Version; also the ETag.") long version) {
        public static CategoryAssignmentView of(CategoryAssignment a, String countyName, String categoryName) {
            return new CategoryAssignmentView(a.id, a.countyCode, countyName, a.year, a.categoryCode, categoryName, a.source, a.version);
        }
    }

    @Schema(name = "AssessmentCategory", description = "A category of the annual county economy assessment.")
    public record AssessmentCategoryView(@Schema(example = "KEY_DEVELOPMENT") String code, @Schema(example = "重点开发区县") String name,
                                         @Schema(example = "Key development county") String nameEn, String description) {
        public static AssessmentCategoryView of(AssessmentCategory c) {
            return new AssessmentCategoryView(c.code, c.nameZh, c.nameEn, c.description);
        }
    }

    @Schema(name = "DesignationType", description = "A kind of designation; new kinds are added as data.")
    public record DesignationTypeView(@Schema(example = "REFORM_PILOT") String code, @Schema(example = "县域集成改革试点") String name,
                                      @Schema(example = "Integrated county-level reform pilot") String nameEn, String description, long version) {
        public static DesignationTypeView of(DesignationType t) {
            return new DesignationTypeView(t.code, t.nameZh, t.nameEn, t.description, t.version);
        }
    }

    @Schema(name = "Prefecture", description = "A prefecture-level division as it was on asOf.")
    public record PrefectureView(
            @Schema(example = "510500") String code, @Schema(example = "泸州市") String name, @Schema(example = "Luzhou City") String nameEn,
            @Schema(description = "PREFECTURE_CITY, AUTONOMOUS_PREFECTURE, or outside Sichuan LEAGUE, REGION, MUNICIPAL_DISTRICTS, PROVINCE_ADMINISTERED.") String type,
            @Schema(example = "510000") String provinceCode, @Schema(example = "四川省") String provinceName,
            @Schema(nullable = true) String regionCode, @Schema(nullable = true) String regionName,
            LocalDate validFrom, @Schema(nullable = true) LocalDate validTo,
            @Schema(description = "Number of county-level divisions under it on asOf.") int countyCount,
            @Schema(description = "Its county-level divisions on asOf (only on the single read).", nullable = true) List<CountyRef> counties,
            String source, @Schema(description = "Version; also the ETag.") long version) {
    }

    @Schema(name = "CountyRef", description = "A county in brief.")
    public record CountyRef(String code, String name, String nameEn, String type) {
    }

    @Schema(name = "Region", description = "An economic region: a group of prefectures of one province.")
    public record RegionView(@Schema(example = "SOUTH_SICHUAN") String code, @Schema(example = "川南经济区") String name, String nameEn,
                             @Schema(example = "510000") String provinceCode, List<CodeName> prefectures, int countyCount, String source) {
    }

    @Schema(name = "ChangeEvent", description = "One event of the change feed.")
    @JsonPropertyOrder({"sequence", "occurredAt", "entityType", "entityId", "action", "effectiveDate", "payload"})
    public record ChangeEventView(
            @Schema(description = "Gap-free, strictly increasing position in the feed.") long sequence,
            @Schema(description = "When the change was committed (UTC).") Instant occurredAt,
            @Schema(enumeration = {"COUNTY", "PREFECTURE", "DESIGNATION", "CATEGORY_ASSIGNMENT"}) String entityType,
            @Schema(description = "Code (county, prefecture) or id (designation, category assignment).") String entityId,
            @Schema(description = "CREATED, RETIRED, UPDATED, CORRECTED, ENDED.") String action,
            @Schema(description = "Day the change takes effect in the register (null where not dated).", nullable = true) LocalDate effectiveDate,
            @Schema(description = "The entity after the change, plus the division change's id and kind where one caused it.") JsonNode payload) {
    }

    @Schema(name = "ChangeFeedPage", description = "A slice of the change feed.")
    public record ChangeFeedPage(List<ChangeEventView> events,
                                 @Schema(description = "Sequence of the last event returned, or `after` when none was; pass it as the next `after`.") long lastSequence,
                                 @Schema(description = "Whether more events follow.") boolean hasMore) {
    }

    /** One row of the CSV export of counties. */
    @JsonPropertyOrder({"code", "name", "nameEn", "type", "prefectureCode", "prefectureName", "regionCode", "regionName",
            "validFrom", "validTo", "status", "categoryYear", "categoryCode", "designations", "source", "version"})
    public record CountyCsvRow(String code, String name, String nameEn, String type, String prefectureCode, String prefectureName,
                               String regionCode, String regionName, LocalDate validFrom, LocalDate validTo, String status,
                               Integer categoryYear, String categoryCode, String designations, String source, long version) {
        public static CountyCsvRow of(CountyView c) {
            return new CountyCsvRow(c.code(), c.name(), c.nameEn(), c.type(), c.prefectureCode(), c.prefectureName(), c.regionCode(),
                    c.regionName(), c.validFrom(), c.validTo(), c.status(), c.category() == null ? null : c.category().year(),
                    c.category() == null ? null : c.category().code(),
                    String.join(";", c.designations().stream().map(DesignationView::typeCode).toList()), c.source(), c.version());
        }
    }
}
