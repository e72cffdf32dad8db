package cn.sc.countyeconomy.reformpilot.api;

import cn.sc.countyeconomy.reformpilot.MilestoneStatus;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "OverdueMilestone")
@JsonPropertyOrder({"milestoneId", "pilotId", "programId", "countyCode", "countyName", "leadingTask", "areaCode", "title",
        "status", "plannedDate", "daysOverdue", "synthetic"})
public record OverdueMilestone(long milestoneId, long pilotId, long programId, String countyCode, String countyName,
        String leadingTask, String areaCode, String title, MilestoneStatus status,
        LocalDate plannedDate, long daysOverdue, boolean synthetic) {
}
