package cn.sc.countyeconomy.assistance.api;

import cn.sc.countyeconomy.api.validation.Text;
import cn.sc.countyeconomy.assistance.ProjectSector;
import cn.sc.countyeconomy.assistance.ProjectTerm;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

@Schema(name = "ProjectUpdate", description = "Changes the descriptive fields and plan; status changes go through /transitions.")
public record ProjectUpdate(@NotBlank @Text @Size(max = 300) String title, @Size(max = 4000) String description,
        @NotNull ProjectSector sector, @NotNull ProjectTerm term, boolean keyProject,
        @NotNull LocalDate plannedStart, @NotNull LocalDate plannedEnd,
        @NotNull @PositiveOrZero @Digits(integer = 16, fraction = 2) BigDecimal budget) {
}
