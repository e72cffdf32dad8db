package cn.sc.countyeconomy.registry.api;

import cn.sc.countyeconomy.registry.Designation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "Designation", description = "A county holding a designation over [validFrom, validTo).")
public record DesignationView(
        @Schema(description = "Id.") long id,
        @Schema(description = "Designation type code.", example = "UNDERDEVELOPED_COUNTY") String typeCode,
        @Schema(description = "County code.", example = "511133") String countyCode,
        @Schema(description = "County name (its latest name).", example = "马边彝族自治县") String countyName,
        @Schema(description = "First day (inclusive).") LocalDate validFrom,
        @Schema(description = "End (exclusive); null while open.", nullable = true) LocalDate validTo,
        @Schema(description = "How well the source supports it: LISTED, CORROBORATED, INFERRED, or null.", nullable = true, enumeration = {
                "LISTED", "CORROBORATED", "INFERRED"}) String evidenceStatus,
        @Schema(description = "Reference to the source (URL or document).") String sourceRef,
        @Schema(description = "Free note, e.g. the assumptions behind the dates.", nullable = true) String note,
        @Schema(description = "The programme or list that asserts it, `<system>:<programme>` (see NewDesignation.source).", example = "reform-pilot:programme/1") String source,
        @Schema(description = "Version; also the ETag.") long version) {

    public static DesignationView of(Designation d, String countyName) {
        return new DesignationView(d.id, d.typeCode, d.countyCode, countyName, d.validFrom, d.validTo, d.evidenceStatus,
                d.sourceRef, d.note, d.source, d.version);
    }
}
