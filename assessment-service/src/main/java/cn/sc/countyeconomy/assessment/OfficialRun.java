package cn.sc.countyeconomy.assessment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;

import java.time.Instant;

/** Which run is the official one of a year. */
@Entity
@Table(name = "official_run")
public class OfficialRun extends PanacheEntityBase {

    @Id
    public Integer year;
    @Column(name = "run_id")
    public long runId;
    @Column(name = "marked_at")
    public Instant markedAt;
    @Column(name = "marked_by")
    public String markedBy;
    @Version
    public long version;
}
