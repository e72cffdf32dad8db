package cn.sc.countyeconomy.api.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * A row identified by a stable code and named in Chinese and English: what every code table of
 * the suite has (assessment categories, designation types, indicators, indicator areas, assistance
 * forces, reform areas), mapped once. Columns {@code code}, {@code name_zh}, {@code name_en}.
 */
@MappedSuperclass
public abstract class NamedCode extends PanacheEntityBase {

    @Id
    public String code;
    @Column(name = "name_zh")
    public String nameZh;
    @Column(name = "name_en")
    public String nameEn;
}
