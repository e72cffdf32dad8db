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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A pilot's progress report for one quarter. {@code late} is fixed when it is first submitted. */
@Entity
@Table(name = "progress_report")
public class ProgressReport extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "pilot_id")
    public long pilotId;
    public String period;
    @Column(name = "period_end")
    public LocalDate periodEnd;
    @Column(name = "due_date")
    public LocalDate dueDate;
    @Column(name = "submitted_on")
    public LocalDate submittedOn;
    public boolean late;
    @Enumerated(EnumType.STRING)
    public ReportStatus status;
    public String narrative;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Figure> figures = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "evidence_links")
    public List<String> evidenceLinks = new ArrayList<>();
    public boolean synthetic;
    @Version
    public long version;

    /** A reported figure, e.g. "新增市场主体" 1200 "户". */
    public record Figure(@NotBlank @Size(max = 200) String name, @NotNull BigDecimal value, @Size(max = 50) String unit) {
    }
}
