package cn.sc.countyeconomy.reformpilot;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.ArrayList;
import java.util.List;

/** The one leading reform task of a pilot, with its supporting measures. */
@Entity
@Table(name = "leading_task")
public class LeadingTask extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "pilot_id")
    public long pilotId;
    public String title;
    public String description;
    @Column(name = "area_code")
    public String areaCode;
    @Column(name = "responsible_unit")
    public String responsibleUnit;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "expected_outcomes")
    public List<String> expectedOutcomes = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "supporting_measures")
    public List<SupportingMeasure> supportingMeasures = new ArrayList<>();
    /** True for demo data: not a published task. */
    public boolean synthetic;
    @Version
    public long version;

    /** A measure supporting the leading task. Kept with the task (it has no life of its own). */
    public record SupportingMeasure(@NotBlank @Size(max = 500) String title, @Size(max = 10000) String description,
            String areaCode, @Size(max = 500) String responsibleUnit,
            List<@NotBlank String> expectedOutcomes) {
    }
}
