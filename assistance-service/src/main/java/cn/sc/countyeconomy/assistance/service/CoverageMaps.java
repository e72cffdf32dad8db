package cn.sc.countyeconomy.assistance.service;

import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.assistance.AssistanceForce;
import cn.sc.countyeconomy.assistance.api.CountyBelowTraining;
import cn.sc.countyeconomy.assistance.api.CountyMissingForces;
import cn.sc.countyeconomy.assistance.api.Coverage;
import cn.sc.countyeconomy.assistance.client.UnderdevelopedCounties;
import cn.sc.countyeconomy.assistance.config.AssistanceTargets;
import cn.sc.countyeconomy.maps.Choropleth;
import cn.sc.countyeconomy.maps.Classes;
import cn.sc.countyeconomy.maps.MapValue;
import cn.sc.countyeconomy.maps.Palette;
import cn.sc.countyeconomy.maps.SvgChoropleth;
import cn.sc.countyeconomy.registry.client.RegistryBaseMaps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps of the coverage of the underdeveloped counties in a year, from the coverage checks
 * ({@link ReportService#coverage}): how many of the five forces are present, or training against
 * the target. Counties the registry does not designate underdeveloped are drawn as not applicable.
 */
@ApplicationScoped
public class CoverageMaps {

    public static final List<String> MEASURES = List.of("forces", "training");

    @Inject
    ReportService reports;
    @Inject
    UnderdevelopedCounties eligibility;
    @Inject
    AssistanceTargets targets;
    @Inject
    RegistryBaseMaps baseMaps;

    public String coverage(int year, String measure) {
        String m = measure == null || measure.isBlank() ? "forces" : measure;
        if (!MEASURES.contains(m)) {
            throw ApiException.invalidParameter("measure", "must be one of " + MEASURES + ", was '" + m + "'");
        }
        Coverage coverage = reports.coverage(year);
        UnderdevelopedCounties.CountyList counties = eligibility.all(coverage.asOf());
        Map<String, MapValue> values = new HashMap<>();
        Classes classes;
        String title;
        String legend;
        if (m.equals("forces")) {
            int forces = (int) (long) QuarkusTransaction.joiningExisting().call(() -> AssistanceForce.count());
            Map<String, Integer> missing = new HashMap<>();
            for (CountyMissingForces c : coverage.countiesMissingForces()) {
                missing.put(c.countyCode(), c.missingForces().size());
            }
            LinkedHashMap<String, String> labels = new LinkedHashMap<>();
            for (int k = 0; k <= forces; k++) {
                labels.put(Integer.toString(k), k + " of " + forces);
            }
            classes = Classes.categories(labels, Palette.YL_GN_BU.colours(Math.min(forces + 1, Palette.MAX_CLASSES)));
            for (UnderdevelopedCounties.County c : counties.counties()) {
                int present = forces - missing.getOrDefault(c.code(), 0);
                values.put(c.code(), MapValue.category(Integer.toString(present), present + " of " + forces + " forces present"));
            }
            title = "39个欠发达县域 帮扶力量覆盖 Assistance forces present";
            legend = "Forces present 帮扶力量";
        } else {
            int target = targets.targets().trainedPerCountyYear();
            Map<String, Long> trained = new HashMap<>();
            for (CountyBelowTraining c : coverage.countiesBelowTrainingTarget()) {
                trained.put(c.countyCode(), c.trained());
            }
            LinkedHashMap<String, String> labels = new LinkedHashMap<>();
            labels.put("Q0", "below 25 % of " + target);
            labels.put("Q1", "25 to 50 %");
            labels.put("Q2", "50 to 75 %");
            labels.put("Q3", "75 to 100 %");
            labels.put("MET", "target met (" + target + "+)");
            classes = Classes.categories(labels, Palette.YL_GN_BU.colours(5));
            for (UnderdevelopedCounties.County c : counties.counties()) {
                Long t = trained.get(c.code());
                values.put(c.code(), t == null
                        ? MapValue.category("MET", "target of " + target + " met")
                        : MapValue.category("Q" + Math.min(3, (int) (4 * t / Math.max(1, target))), t + " of " + target + " trained"));
            }
            title = "39个欠发达县域 干部人才培训 Training against the target";
            legend = "People trained in the year";
        }
        String period = year + " (counties designated on " + coverage.asOf() + ", list from " + coverage.countiesSource() + ")";
        Choropleth map = new Choropleth(title, period, "assistance-service coverage checks; shapes: county-registry-service (indicative, about 2017)",
                legend, classes, values, MapValue.notApplicable("not designated underdeveloped"));
        return SvgChoropleth.render(baseMaps.of(LocalDate.of(year, 12, 31)), map);
    }
}
