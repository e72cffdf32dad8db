package cn.sc.countyeconomy.assistance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** Cadres of a county trained by a helper (temporary post, mentoring, course): a count, no names. */
@Entity
@Table(name = "cadre_exchange")
public class CadreExchange extends ReversibleRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "county_code")
    public String countyCode;
    @Column(name = "organisation_id")
    public Long organisationId;
    @Enumerated(EnumType.STRING)
    public ExchangeKind kind;
    @Column(name = "period_start")
    public LocalDate periodStart;
    @Column(name = "period_end")
    public LocalDate periodEnd;
    public int people;
    public boolean synthetic;

    public enum ExchangeKind {
        TEMPORARY_POST, MENTORING, TRAINING_COURSE
    }
}
