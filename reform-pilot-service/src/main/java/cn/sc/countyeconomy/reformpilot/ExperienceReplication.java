package cn.sc.countyeconomy.reformpilot;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** A county that took up an experience's practice, and when (one per county and experience). */
@Entity
@Table(name = "experience_replication")
public class ExperienceReplication extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "experience_id")
    public long experienceId;
    @Column(name = "county_code")
    public String countyCode;
    @Column(name = "county_name")
    public String countyName;
    @Column(name = "replicated_on")
    public LocalDate replicatedOn;
    public String note;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    @Column(name = "recorded_by")
    public String recordedBy;
}
