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
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A reform pilot programme: its name, approving body, dates, reform areas and batches. */
@Entity
@Table(name = "program")
public class Program extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String code;
    @Column(name = "name_zh")
    public String nameZh;
    @Column(name = "name_en")
    public String nameEn;
    @Column(name = "approving_body")
    public String approvingBody;
    @Column(name = "launch_date")
    public LocalDate launchDate;
    public LocalDate deadline;
    @Column(name = "deadline_note")
    public String deadlineNote;
    public String source;
    @Column(name = "source_note")
    public String sourceNote;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "program_reform_area", joinColumns = @JoinColumn(name = "program_id"))
    @Column(name = "area_code")
    public Set<String> areaCodes = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "program_batch", joinColumns = @JoinColumn(name = "program_id"))
    @OrderBy("number")
    public List<ProgramBatch> batches = new ArrayList<>();

    @Version
    public long version;

    public boolean hasBatch(int number) {
        return batches.stream().anyMatch(b -> b.number == number);
    }
}
