package cn.sc.countyeconomy.assessment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;

import java.time.Instant;

/** The workflow state of one county's data for one year: DRAFT, SUBMITTED, VERIFIED, APPROVED. */
@Entity
@Table(name = "submission")
public class Submission extends PanacheEntityBase {

    public enum Status {
        DRAFT, SUBMITTED, VERIFIED, APPROVED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "county_code")
    public String countyCode;
    public int year;
    @Enumerated(EnumType.STRING)
    public Status status;
    public boolean synthetic;
    public String reason;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    public static java.util.Optional<Submission> find(String county, int year) {
        return find("countyCode = ?1 and year = ?2", county, year).firstResultOptional();
    }
}
