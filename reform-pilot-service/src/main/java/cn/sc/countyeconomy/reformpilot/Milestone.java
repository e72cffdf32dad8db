package cn.sc.countyeconomy.reformpilot;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A milestone of a pilot's leading task; may depend on other milestones of the same pilot. */
@Entity
@Table(name = "milestone")
public class Milestone extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "pilot_id")
    public long pilotId;
    @Column(name = "task_id")
    public long taskId;
    public String title;
    @Column(name = "planned_date")
    public LocalDate plannedDate;
    @Column(name = "actual_date")
    public LocalDate actualDate;
    @Enumerated(EnumType.STRING)
    public MilestoneStatus status;
    public String deliverable;
    public String owner;
    @Column(name = "percent_done")
    public int percentDone;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "evidence_links")
    public List<String> evidenceLinks = new ArrayList<>();
    public boolean synthetic;

    @ManyToMany
    @JoinTable(name = "milestone_dependency", joinColumns = @JoinColumn(name = "milestone_id"), inverseJoinColumns = @JoinColumn(name = "depends_on_id"))
    public Set<Milestone> dependsOn = new LinkedHashSet<>();

    @Version
    public long version;

    public boolean done() {
        return status == MilestoneStatus.DONE;
    }
}
