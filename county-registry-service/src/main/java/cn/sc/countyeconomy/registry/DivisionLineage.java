package cn.sc.countyeconomy.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** One edge of the lineage graph: {@code successorCode} took over (part of) {@code predecessorCode}. */
@Entity
@Table(name = "division_lineage")
public class DivisionLineage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "change_id")
    public Long changeId;
    @Column(name = "predecessor_code", columnDefinition = "bpchar(6)")
    public String predecessorCode;
    @Column(name = "successor_code", columnDefinition = "bpchar(6)")
    public String successorCode;
    @Column(name = "effective_date")
    public LocalDate effectiveDate;
}
