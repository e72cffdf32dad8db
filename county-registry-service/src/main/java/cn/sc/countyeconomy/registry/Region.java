package cn.sc.countyeconomy.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An economic region: a group of prefectures of one province (Sichuan has five). */
@Entity
@Table(name = "region")
public class Region extends PanacheEntityBase {

    @Id
    public String code;
    @Column(name = "province_code", columnDefinition = "bpchar(6)")
    public String provinceCode;
    @Column(name = "name_zh")
    public String nameZh;
    @Column(name = "name_en")
    public String nameEn;
    public String source;
}
