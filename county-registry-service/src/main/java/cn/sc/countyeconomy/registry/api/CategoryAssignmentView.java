package cn.sc.countyeconomy.registry.api;

import cn.sc.countyeconomy.registry.CategoryAssignment;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "CategoryAssignment", description = "The assessment category of a county for one year.")
public record CategoryAssignmentView(
        @Schema(description = "Id.") long id,
        @Schema(example = "510421") String countyCode,
        @Schema(description = "County name (its latest name).", example = "米易县") String countyName,
        @Schema(example = "2018") int year,
        @Schema(example = "MAIN_FARM_PRODUCE", enumeration = {
                "CITY_CORE_DISTRICT", "KEY_DEVELOPMENT", "MAIN_FARM_PRODUCE", "KEY_ECOLOGICAL_FUNCTION"}) String categoryCode,
        @Schema(example = "农产品主产区县") String categoryName,
        @Schema(description = "Source of the assignment.") String source,
        @Schema(description = "Day the assignment was ended (withdrawn, or handed to a successor by a division change); null while in force. Ended assignments no longer count.", nullable = true) LocalDate endedOn,
        @Schema(description = "Why it was ended.", nullable = true) String endReason,
        @Schema(description = "Version; also the ETag.") long version) {

    public static CategoryAssignmentView of(CategoryAssignment a, String countyName, String categoryName) {
        return new CategoryAssignmentView(a.id, a.countyCode, countyName, a.year, a.categoryCode, categoryName, a.source, a.endedOn, a.endReason, a.version);
    }
}
