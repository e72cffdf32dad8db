package cn.sc.countyeconomy.registry;

import cn.sc.countyeconomy.api.reference.NamedCode;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A kind of designation (underdeveloped county, reform pilot, ...): data, not code. */
@Entity
@Table(name = "designation_type")
public class DesignationType extends NamedCode {

    public String description;
    @Version
    public long version;
}
