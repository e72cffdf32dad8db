package cn.sc.countyeconomy.assistance.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "NewPairing", description = "The county must be designated UNDERDEVELOPED_COUNTY by county-registry-service on validFrom.")
public record NewPairing(@NotNull Long organisationId,
        @NotNull @Pattern(regexp = CountyCode.PATTERN, message = CountyCode.MESSAGE) String countyCode,
        @NotNull LocalDate validFrom, LocalDate validTo) {
}
