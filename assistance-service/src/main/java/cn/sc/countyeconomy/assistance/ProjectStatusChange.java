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

import java.time.Instant;
import java.time.LocalDate;

/** One dated step in a project's status history. */
@Entity
@Table(name = "project_status_change")
public class ProjectStatusChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "project_id")
    public Long projectId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ProjectStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public ProjectStatus toStatus;
    @Column(name = "changed_on")
    public LocalDate changedOn;
    public String reason;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    @Column(name = "recorded_by")
    public String recordedBy;
}
