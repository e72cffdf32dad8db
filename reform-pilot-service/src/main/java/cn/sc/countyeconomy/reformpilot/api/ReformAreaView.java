package cn.sc.countyeconomy.reformpilot.api;

import cn.sc.countyeconomy.reformpilot.ReformArea;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReformArea")
public record ReformAreaView(String code, String name, String nameEn, String source) {

    public static ReformAreaView of(ReformArea e) {
        return new ReformAreaView(e.code, e.nameZh, e.nameEn, e.source);
    }
}
