package cn.sc.countyeconomy.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;

/** The assessment category of a county for one year. Ended assignments no longer count. */
@Entity
@Table(name = "category_assignment")
public class CategoryAssignment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "county_code", columnDefinition = "bpchar(6)")
    public String countyCode;
    public int year;
    @Column(name = "category_code")
    public String categoryCode;
    public String source;
    @Column(name = "ended_on")
    public LocalDate endedOn;
    @Column(name = "end_reason")
    public String endReason;
    @Version
    public long version;
}
