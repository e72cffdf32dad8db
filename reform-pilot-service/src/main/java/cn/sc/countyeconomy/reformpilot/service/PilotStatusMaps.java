package cn.sc.countyeconomy.reformpilot.service;

import cn.sc.countyeconomy.maps.Choropleth;
import cn.sc.countyeconomy.maps.Classes;
import cn.sc.countyeconomy.maps.MapValue;
import cn.sc.countyeconomy.maps.SvgChoropleth;
import cn.sc.countyeconomy.reformpilot.Pilot;
import cn.sc.countyeconomy.reformpilot.PilotStatus;
import cn.sc.countyeconomy.reformpilot.Program;
import cn.sc.countyeconomy.reformpilot.api.PilotProjection;
import cn.sc.countyeconomy.registry.client.RegistryBaseMaps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The map of a programme's pilots by status: the county of each pilot coloured by where it stands
 * against the programme's deadline. The one place where the pilot's lifecycle status and its
 * deadline projection become the map's categories is {@link #category}.
 */
@ApplicationScoped
public class PilotStatusMaps {

    /** The map's categories, in legend order, with their colours (ColorBrewer RdYlBu, colour-blind safe). */
    public enum MapStatus {

        ON_TRACK("on track 按期推进", "#abd9e9"), AT_RISK("at risk 存在风险", "#fdae61"), OVERDUE("overdue 已逾期", "#d7191c"), ACCEPTED("accepted 已验收",
                "#2c7bb6"), NO_DATA("no data 无数据", null);

        final String label;
        final String fill;

        MapStatus(String label, String fill) {
            this.label = label;
            this.fill = fill;
        }
    }

    @Inject
    PilotService pilots;
    @Inject
    MonitoringService monitoring;
    @Inject
    RegistryBaseMaps baseMaps;

    public String programme(long programId) {
        LocalDate today = pilots.today();
        Map<String, MapValue> values = new HashMap<>();
        Program program = QuarkusTransaction.joiningExisting().call(() -> {
            Program p = pilots.program(programId);
            Map<Long, PilotProjection> projections = new HashMap<>();
            monitoring.projections(programId, null, EnumSet.allOf(DeadlineProjection.Assessment.class),
                    Comparator.comparing(PilotProjection::pilotId)).forEach(pp -> projections.put(pp.pilotId(), pp));
            // a county's latest pilot of the programme is the one shown (an earlier one may have been rejected)
            for (Pilot pilot : Pilot.<Pilot>list("programId", Sort.by("id"), programId)) {
                values.put(pilot.countyCode, value(pilot, projections.get(pilot.id), p, today));
            }
            return p;
        });
        LinkedHashMap<String, String> labels = new LinkedHashMap<>();
        List<String> fills = new java.util.ArrayList<>();
        for (MapStatus s : MapStatus.values()) {
            if (s.fill != null) {
                labels.put(s.name(), s.label);
                fills.add(s.fill);
            }
        }
        Choropleth map = new Choropleth("改革试点进展 Pilot status: " + program.nameZh, "as of " + today + ", deadline "
                + (program.deadline == null ? "none" : program.deadline),
                "reform-pilot-service, programme " + program.code
                        + "; shapes: county-registry-service (indicative, about 2017)",
                "Pilot status 试点状态", Classes.categories(labels, fills), values, MapValue.notApplicable("no pilot in this programme"));
        return SvgChoropleth.render(baseMaps.of(today), map);
    }

    private static MapValue value(Pilot pilot, PilotProjection projection, Program program, LocalDate today) {
        MapStatus s = category(pilot.status, projection == null ? null : projection.assessment(), program.deadline, today);
        String display = s.name() + " (" + pilot.status + (projection == null ? "" : ", " + projection.assessment()) + ")";
        if (s == MapStatus.NO_DATA) {
            return new MapValue(MapValue.Kind.NO_DATA, null, null, display);
        }
        if (pilot.status == PilotStatus.REJECTED || pilot.status == PilotStatus.WITHDRAWN) {
            return MapValue.notApplicable(pilot.status.name());
        }
        return MapValue.category(s.name(), display);
    }

    /**
     * Lifecycle status and deadline projection ({@link DeadlineProjection.Assessment}) to the map's
     * category: accepted is ACCEPTED; an active pilot past the programme's deadline is OVERDUE, as
     * the projection says too; otherwise AT_RISK as projected, ON_TRACK when projected on track or
     * complete; anything else (nominated, no milestones to project from, no deadline) is NO_DATA. Rejected and withdrawn pilots are not applicable.
     */
    static MapStatus category(PilotStatus status, DeadlineProjection.Assessment assessment, LocalDate deadline, LocalDate today) {
        if (status == PilotStatus.ACCEPTED) {
            return MapStatus.ACCEPTED;
        }
        if (!status.isActive() || assessment == null) {
            return MapStatus.NO_DATA;
        }
        if (deadline != null && today.isAfter(deadline)) {
            return MapStatus.OVERDUE;
        }
        return switch (assessment) {
            case OVERDUE -> MapStatus.OVERDUE;
            case AT_RISK -> MapStatus.AT_RISK;
            case ON_TRACK, COMPLETE -> MapStatus.ON_TRACK;
            case NO_DATA, NO_DEADLINE -> MapStatus.NO_DATA;
        };
    }
}
