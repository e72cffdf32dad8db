package cn.sc.countyeconomy.assessment.api;

import cn.sc.countyeconomy.assessment.IndicatorArea;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "IndicatorArea")
public record IndicatorAreaView(String code, String name, String nameEn, String source) {

    public static IndicatorAreaView of(IndicatorArea e) {
        return new IndicatorAreaView(e.code, e.nameZh, e.nameEn, e.source);
    }
}
