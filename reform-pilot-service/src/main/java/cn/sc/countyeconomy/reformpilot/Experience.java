package cn.sc.countyeconomy.reformpilot;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A replicable practice drawn from a pilot, with tags and where it was promoted. */
@Entity
@Table(name = "experience")
public class Experience extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "pilot_id")
    public long pilotId;
    public String title;
    public String description;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "experience_tag", joinColumns = @JoinColumn(name = "experience_id"))
    @Column(name = "tag")
    public Set<String> tags = new TreeSet<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Promotion> promotions = new ArrayList<>();
    @Version
    public long version;

    /** Where and how the practice was promoted: e.g. 全省县域改革现场会, 2023-05-18, MEETING. */
    public record Promotion(@NotBlank @Size(max = 300) String place, @NotNull LocalDate date,
            @NotBlank @Size(max = 100) String channel) {
    }
}
