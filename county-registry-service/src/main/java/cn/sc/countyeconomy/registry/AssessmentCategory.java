package cn.sc.countyeconomy.registry;

import cn.sc.countyeconomy.api.reference.NamedCode;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One of the four categories of the annual county economy assessment. */
@Entity
@Table(name = "assessment_category")
public class AssessmentCategory extends NamedCode {

    public String description;
}
