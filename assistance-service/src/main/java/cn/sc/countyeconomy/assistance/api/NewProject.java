package cn.sc.countyeconomy.assistance.api;

import cn.sc.countyeconomy.api.validation.Text;
import cn.sc.countyeconomy.assistance.ProjectSector;
import cn.sc.countyeconomy.assistance.ProjectTerm;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

@Schema(name = "NewProject", description = "Created in status PIPELINE. The lead organisation's force is the project's force.")
public record NewProject(@NotNull @Pattern(regexp = CountyCode.PATTERN, message = CountyCode.MESSAGE) String countyCode,
        @NotNull Long leadOrganisationId,
        @Size(max = 20) List<@Valid @NotNull PartnerInput> partners,
        @NotBlank @Text @Size(max = 300) String title, @Size(max = 4000) String description,
        @NotNull ProjectSector sector, @NotNull ProjectTerm term,
        @Schema(description = "A key support project (counts toward the 1-2 key projects a department implements per county and year).") boolean keyProject,
        @NotNull LocalDate plannedStart, @NotNull LocalDate plannedEnd,
        @NotNull @PositiveOrZero @Digits(integer = 16, fraction = 2) BigDecimal budget) {
}
