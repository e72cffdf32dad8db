package cn.sc.countyeconomy.assistance.api;

import cn.sc.countyeconomy.assistance.TaskForceTask;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "Task", description = "A task on a county task force's list. overdue is computed: deadline passed and not done.")
public record TaskView(long id, String countyCode, String title, String responsibleUnit, LocalDate deadline,
        TaskForceTask.TaskStatus status, LocalDate completedOn, String evidenceUrl, boolean overdue,
        boolean synthetic, long version) {

    public static TaskView of(TaskForceTask t, LocalDate today) {
        return new TaskView(t.id, t.countyCode, t.title, t.responsibleUnit, t.deadline, t.status, t.completedOn,
                t.evidenceUrl, t.overdueOn(today), t.synthetic, t.version);
    }
}
