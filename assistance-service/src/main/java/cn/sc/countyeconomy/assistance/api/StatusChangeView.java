package cn.sc.countyeconomy.assistance.api;

import cn.sc.countyeconomy.assistance.ProjectStatus;
import cn.sc.countyeconomy.assistance.ProjectStatusChange;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;

@Schema(name = "ProjectStatusChange")
public record StatusChangeView(long id, ProjectStatus fromStatus, ProjectStatus toStatus, LocalDate changedOn,
        String reason, Instant recordedAt, String recordedBy) {

    public static StatusChangeView of(ProjectStatusChange c) {
        return new StatusChangeView(c.id, c.fromStatus, c.toStatus, c.changedOn, c.reason, c.recordedAt, c.recordedBy);
    }
}
