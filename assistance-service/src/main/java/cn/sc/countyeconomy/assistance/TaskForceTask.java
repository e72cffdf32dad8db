package cn.sc.countyeconomy.assistance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;

/** A task on a county task force's list: what, who is responsible, by when, and the evidence. */
@Entity
@Table(name = "task_force_task")
public class TaskForceTask extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "county_code")
    public String countyCode;
    public String title;
    @Column(name = "responsible_unit")
    public String responsibleUnit;
    public LocalDate deadline;
    @Enumerated(EnumType.STRING)
    public TaskStatus status;
    @Column(name = "completed_on")
    public LocalDate completedOn;
    @Column(name = "evidence_url")
    public String evidenceUrl;
    public boolean synthetic;
    @Version
    public long version;

    public enum TaskStatus {
        OPEN, IN_PROGRESS, DONE
    }

    /** Overdue: the deadline has passed and the task is not done. */
    public boolean overdueOn(LocalDate today) {
        return status != TaskStatus.DONE && deadline.isBefore(today);
    }
}
