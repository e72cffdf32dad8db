package cn.sc.countyeconomy.assessment;

import cn.sc.countyeconomy.api.reference.PublishedCode;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Reference data: indicator areas. */
@Entity
@Table(name = "indicator_area")
public class IndicatorArea extends PublishedCode {

}
