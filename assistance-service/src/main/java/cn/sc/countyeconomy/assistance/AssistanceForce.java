package cn.sc.countyeconomy.assistance;

import cn.sc.countyeconomy.api.reference.PublishedCode;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Reference data: five assistance forces. */
@Entity
@Table(name = "assistance_force")
public class AssistanceForce extends PublishedCode {

}
