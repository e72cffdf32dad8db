package cn.sc.countyeconomy.reformpilot;

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

/** One step of a pilot's lifecycle: dated, by whom, why. Never changed once written. */
@Entity
@Table(name = "pilot_transition")
public class PilotTransition extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "pilot_id")
    public long pilotId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public PilotStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public PilotStatus toStatus;
    @Column(name = "transition_date")
    public LocalDate date;
    public String actor;
    public String reason;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    public String source;
}
