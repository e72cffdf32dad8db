package cn.sc.countyeconomy.registry.api;

import cn.sc.countyeconomy.registry.AssessmentCategory;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AssessmentCategory", description = "A category of the annual county economy assessment.")
public record AssessmentCategoryView(@Schema(example = "KEY_DEVELOPMENT") String code, @Schema(example = "重点开发区县") String name,
        @Schema(example = "Key development county") String nameEn, String description) {

    public static AssessmentCategoryView of(AssessmentCategory c) {
        return new AssessmentCategoryView(c.code, c.nameZh, c.nameEn, c.description);
    }
}
