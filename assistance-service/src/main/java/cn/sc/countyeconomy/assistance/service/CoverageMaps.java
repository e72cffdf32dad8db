package cn.sc.countyeconomy.assistance.service;

import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.assistance.AssistanceForce;
import cn.sc.countyeconomy.assistance.api.CountyBelowTraining;
import cn.sc.countyeconomy.assistance.api.CountyMissingForces;
import cn.sc.countyeconomy.assistance.api.Coverage;
import cn.sc.countyeconomy.assistance.api.FundSummaryRow;
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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps of the coverage of the underdeveloped counties in a year, from the coverage checks
 * ({@link ReportService#coverage}): how many of the five forces are present, or training against
 * the target; or the funds disbursed in the year ({@link ReportService#summary} by county). Counties the registry does not designate underdeveloped are drawn as not applicable.
 */
@ApplicationScoped
public class CoverageMaps {

    public static final List<String> MEASURES = List.of("forces", "training", "disbursed");

    @Inject
    ReportService reports;
    @Inject
    UnderdevelopedCounties eligibility;
    @Inject
    AssistanceTargets targets;
    @Inject
    RegistryBaseMaps baseMaps;

    /** What a measure draws: its classes, the value of each designated county, the title and the legend's heading. */
    private record Layer(Classes classes, Map<String, MapValue> values, String title, String legend) {
    }

    public String coverage(int year, String measure) {
        String m = measure == null || measure.isBlank() ? "forces" : measure;
        if (!MEASURES.contains(m)) {
            throw ApiException.invalidParameter("measure", "must be one of " + MEASURES + ", was '" + m + "'");
        }
        Coverage coverage = reports.coverage(year);
        List<UnderdevelopedCounties.County> counties = eligibility.all(coverage.asOf()).counties();
        Layer layer = switch (m) {
            case "forces" -> forces(coverage, counties);
            case "training" -> training(coverage, counties);
            default -> disbursed(year, counties);
        };
        String period = year + " (counties designated on " + coverage.asOf() + ", list from " + coverage.countiesSource() + ")";
        Choropleth map = new Choropleth(layer.title(), period,
                "assistance-service coverage checks and fund transactions; shapes: county-registry-service (indicative, about 2017)",
                layer.legend(), layer.classes(), layer.values(), MapValue.notApplicable("not designated underdeveloped"));
        return SvgChoropleth.render(baseMaps.of(LocalDate.of(year, 12, 31)), map);
    }

    private Layer forces(Coverage coverage, List<UnderdevelopedCounties.County> counties) {
        int forces = (int) (long) QuarkusTransaction.joiningExisting().call(() -> AssistanceForce.count());
        Map<String, Integer> missing = new HashMap<>();
        for (CountyMissingForces c : coverage.countiesMissingForces()) {
            missing.put(c.countyCode(), c.missingForces().size());
        }
        LinkedHashMap<String, String> labels = new LinkedHashMap<>();
        for (int k = 0; k <= forces; k++) {
            labels.put(Integer.toString(k), k + " of " + forces);
        }
        Map<String, MapValue> values = new HashMap<>();
        for (UnderdevelopedCounties.County c : counties) {
            int present = forces - missing.getOrDefault(c.code(), 0);
            values.put(c.code(), MapValue.category(Integer.toString(present), present + " of " + forces + " forces present"));
        }
        return new Layer(Classes.categories(labels, Palette.YL_GN_BU.colours(Math.min(forces + 1, Palette.MAX_CLASSES))), values,
                "39个欠发达县域 帮扶力量覆盖 Assistance forces present", "Forces present 帮扶力量");
    }

    private Layer training(Coverage coverage, List<UnderdevelopedCounties.County> counties) {
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
        Map<String, MapValue> values = new HashMap<>();
        for (UnderdevelopedCounties.County c : counties) {
            Long t = trained.get(c.code());
            values.put(c.code(), t == null
                    ? MapValue.category("MET", "target of " + target + " met")
                    : MapValue.category("Q" + Math.min(3, (int) (4 * t / Math.max(1, target))), t + " of " + target + " trained"));
        }
        return new Layer(Classes.categories(labels, Palette.YL_GN_BU.colours(5)), values, "39个欠发达县域 干部人才培训 Training against the target",
                "People trained in the year");
    }

    /**
     * Funds disbursed in the year (disbursement transactions dated in it, corrections included) per
     * designated county, in quintiles; a county with none is drawn at 0, a fact rather than missing data.
     */
    private Layer disbursed(int year, List<UnderdevelopedCounties.County> counties) {
        Map<String, BigDecimal> byCounty = new HashMap<>();
        for (FundSummaryRow r : reports.summary(ReportService.GroupBy.county, year, null, null, null)) {
            byCounty.put(r.key(), r.disbursed());
        }
        Map<String, MapValue> values = new HashMap<>();
        List<Double> amounts = new ArrayList<>();
        for (UnderdevelopedCounties.County c : counties) {
            BigDecimal amount = byCounty.getOrDefault(c.code(), BigDecimal.ZERO);
            amounts.add(amount.doubleValue());
            values.put(c.code(), MapValue.number(amount.doubleValue(), String.format(Locale.ROOT, "%,.2f CNY disbursed", amount)));
        }
        return new Layer(Classes.quantiles(amounts, 5, Palette.YL_GN_BU, false, v -> String.format(Locale.ROOT, "%,.0f", v)), values,
                "39个欠发达县域 帮扶资金拨付 Funds disbursed", "Disbursed in the year 拨付资金 (CNY)");
    }
}
