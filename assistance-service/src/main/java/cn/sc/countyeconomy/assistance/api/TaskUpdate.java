package cn.sc.countyeconomy.assistance.api;

import cn.sc.countyeconomy.api.validation.Text;
import cn.sc.countyeconomy.assistance.TaskForceTask;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "TaskUpdate", description = "status DONE needs completedOn; other statuses must not have it.")
public record TaskUpdate(@NotBlank @Text @Size(max = 500) String title, @NotBlank @Size(max = 300) String responsibleUnit,
        @NotNull LocalDate deadline, @NotNull TaskForceTask.TaskStatus status, LocalDate completedOn,
        @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") @Size(max = 1000) String evidenceUrl) {
}
