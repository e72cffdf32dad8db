package cn.sc.countyeconomy.reformpilot;

import cn.sc.countyeconomy.api.reference.PublishedCode;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Reference data: reform areas. */
@Entity
@Table(name = "reform_area")
public class ReformArea extends PublishedCode {

}
