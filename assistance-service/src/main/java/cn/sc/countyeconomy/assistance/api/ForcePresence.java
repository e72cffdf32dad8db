package cn.sc.countyeconomy.assistance.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ForcePresence")
public record ForcePresence(String code, String name, boolean present) {
}
