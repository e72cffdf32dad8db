package cn.sc.countyeconomy.registry.api;

import cn.sc.countyeconomy.registry.DesignationType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DesignationType", description = "A kind of designation; new kinds are added as data.")
public record DesignationTypeView(@Schema(example = "REFORM_PILOT") String code, @Schema(example = "县域集成改革试点") String name,
        @Schema(example = "Integrated county-level reform pilot") String nameEn, String description, long version) {

    public static DesignationTypeView of(DesignationType t) {
        return new DesignationTypeView(t.code, t.nameZh, t.nameEn, t.description, t.version);
    }
}
