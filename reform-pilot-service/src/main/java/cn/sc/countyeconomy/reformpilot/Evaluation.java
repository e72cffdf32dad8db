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
import jakarta.persistence.Version;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** An evaluation of a pilot under evaluation: criteria with scores and comments, and a verdict. */
@Entity
@Table(name = "evaluation")
public class Evaluation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "pilot_id")
    public long pilotId;
    public String evaluator;
    @Column(name = "evaluated_on")
    public LocalDate evaluatedOn;
    @Enumerated(EnumType.STRING)
    public Verdict verdict;
    public String summary;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Criterion> criteria = new ArrayList<>();
    @Column(name = "recorded_by")
    public String recordedBy;
    @Version
    public long version;

    /** PASS allows ACCEPTED, FAIL allows REJECTED, RECTIFY means back to IMPLEMENTING. */
    public enum Verdict {
        PASS, FAIL, RECTIFY
    }

    public record Criterion(@NotBlank @Size(max = 200) String name, @NotNull @DecimalMin("0") BigDecimal score,
            @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal maxScore,
            @Size(max = 5000) String comment) {
    }
}
