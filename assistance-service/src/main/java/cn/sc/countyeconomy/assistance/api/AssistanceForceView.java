package cn.sc.countyeconomy.assistance.api;

import cn.sc.countyeconomy.assistance.AssistanceForce;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AssistanceForce")
public record AssistanceForceView(String code, String name, String nameEn, String source) {

    public static AssistanceForceView of(AssistanceForce e) {
        return new AssistanceForceView(e.code, e.nameZh, e.nameEn, e.source);
    }
}
