package cn.sc.countyeconomy.registry.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "NewDesignation")
public record NewDesignation(
        @NotBlank @Schema(example = "URBAN_RURAL_INTEGRATION_PILOT") String typeCode,
        @NotNull @Pattern(regexp = "[0-9]{6}", message = "must be 6 digits") @Schema(example = "510522") String countyCode,
        @NotNull @Schema(description = "First day; the county must be ACTIVE on it.", example = "2024-01-01") LocalDate validFrom,
        @Schema(description = "End (exclusive), optional.", nullable = true) LocalDate validTo,
        @NotBlank @Size(max = 2000) @Schema(description = "Source reference (URL or document).") String sourceRef,
        @Size(max = 2000) String note,
        @Schema(description = "LISTED, CORROBORATED or INFERRED; optional.", nullable = true) @Pattern(regexp = "LISTED|CORROBORATED|INFERRED") String evidenceStatus,
        @Schema(description = "The programme or list that asserts the designation, `<system>:<programme>`: the system that writes "
                + "and keeps it, then the programme within it. A county may hold designations of one type from several sources "
                + "at once; only designations of the same type, county and source may not overlap. Absent: `" + NewDesignation.MANUAL
                + "` (entered by hand in the registry). Cannot be changed later.", nullable = true, example = "reform-pilot:programme/101") @Pattern(regexp = NewDesignation.SOURCE_FORMAT, message = "must be <system>:<programme>, e.g. reform-pilot:programme/101") String source) {

    /** `<system>:<programme>`: a lower-case system name, a colon, a programme key of letters, digits and . _ / - */
    public static final String SOURCE_FORMAT = "[a-z][a-z0-9-]{0,31}:[A-Za-z0-9._/-]{1,200}";
    /** The source of a designation sent without one. */
    public static final String MANUAL = "registry:manual";

    /** The source this designation is recorded with. */
    public String sourceOrDefault() {
        return source == null ? MANUAL : source;
    }
}
