package cn.sc.countyeconomy.assistance.api;

import cn.sc.countyeconomy.assistance.ProjectStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "ProjectTransition", description = "A dated status change; only the transitions of the documented pipeline are allowed.")
public record ProjectTransition(@NotNull ProjectStatus status, @NotNull LocalDate date, @Size(max = 1000) String reason) {
}
