package cn.sc.countyeconomy.assistance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** People trained in a county in a year by one organiser (counts only). */
@Entity
@Table(name = "training_record")
public class TrainingRecord extends ReversibleRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "county_code")
    public String countyCode;
    public int year;
    @Column(name = "organiser_organisation_id")
    public Long organiserOrganisationId;
    @Column(name = "organiser_name")
    public String organiserName;
    @Column(name = "people_trained")
    public int peopleTrained;
    @Enumerated(EnumType.STRING)
    public TrainingKind kind;
    public boolean synthetic;

    public enum TrainingKind {
        VOCATIONAL_SKILLS, AGRICULTURAL_TECHNIQUE, ENTREPRENEURSHIP, TEACHERS_AND_DOCTORS, CADRES_AND_TALENT, OTHER
    }
}
