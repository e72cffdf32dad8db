package cn.sc.countyeconomy.reformpilot.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What {@code POST /api/v1/demo-data} loaded. */
@Schema(name = "DemoDataResult")
public record DemoDataResult(@Schema(description = "Always true: what was written is synthetic.") boolean synthetic,
        List<Long> pilotsFilled, List<Long> pilotsSkipped, int milestones, int reports) {
}
