package cn.sc.countyeconomy.assistance.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

@Schema(name = "CountyAssistance", description = "A county's assistance in a year. Funds: transactions dated in the year. "
        + "Projects: those whose planned period overlaps the year. Training and cadres: the year's records (cadres by period start). "
        + "Forces present: forces with a pairing in force during the year. Overdue tasks: as of today.")
public record CountyAssistance(String countyCode, int year, FundFigures totals, List<FundFigures> byForce,
        List<FundFigures> byOrganisation, Map<String, Long> projectsByStatus,
        Map<String, Long> projectsByTerm, TargetFigure training, long cadres,
        long tasks, long overdueTaskCount, List<OverdueTask> overdueTasks, List<ForcePresence> forces) {
}
