package cn.sc.countyeconomy.assistance.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TargetFigure")
public record TargetFigure(long actual, long target, boolean met) {
}
