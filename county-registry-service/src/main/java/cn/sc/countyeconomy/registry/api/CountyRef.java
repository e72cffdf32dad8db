package cn.sc.countyeconomy.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CountyRef", description = "A county in brief.")
public record CountyRef(String code, String name, String nameEn, String type) {
}
