package cn.sc.countyeconomy.registry.service;

import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.query.Filter;
import cn.sc.countyeconomy.registry.CategoryAssignment;
import cn.sc.countyeconomy.registry.Designation;
import cn.sc.countyeconomy.registry.Division;
import cn.sc.countyeconomy.registry.api.DemoCategoriesResult;
import cn.sc.countyeconomy.registry.api.NewCategoryAssignment;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Synthetic category assignments for exploring the assessment: only 30 real assignments are known
 * (the 2018 awards), so without these a year's ranking has no categories to rank within. Each one is
 * labelled synthetic in its {@code source}; a county that already has an assignment for the year is
 * left as it is, so real data is never replaced and a second call assigns nothing.
 */
@ApplicationScoped
public class DemoCategories {

    public static final String SOURCE = "SYNTHETIC demo assignment (project heuristic, not official): a county's 2018 category where "
            + "known; otherwise district -> CITY_CORE_DISTRICT; underdeveloped or in the northwest Sichuan ecological region "
            + "-> KEY_ECOLOGICAL_FUNCTION; county-level city -> KEY_DEVELOPMENT; other counties split between KEY_DEVELOPMENT and "
            + "MAIN_FARM_PRODUCE by code";

    @Inject
    CategoryService categories;

    /**
     * One transaction for all the years: all or nothing. With the national import (2,978 divisions) that is some
     * 9,000 assignments, each checked, audited and put on the change feed: over a minute on a loaded 2-core
     * machine, beyond the default 60 s transaction timeout (it answered 500), hence 15 minutes here.
     */
    @Transactional
    @TransactionConfiguration(timeout = 900)
    public List<DemoCategoriesResult> assign(List<Integer> years) {
        if (years.stream().distinct().count() != years.size()) {
            throw ApiException.validation("years", "must not repeat a year");
        }
        Map<String, String> known2018 = inForce(2018).stream()
                .collect(Collectors.toMap(a -> a.countyCode, a -> a.categoryCode, (a, b) -> a));
        List<DemoCategoriesResult> out = new ArrayList<>();
        for (int year : years) {
            LocalDate end = LocalDate.of(year, 12, 31);
            List<Division> counties = validOn(end, Division.COUNTY, Sort.by("code"));
            Map<String, String> regionOfPrefecture = new HashMap<>();
            for (Division p : validOn(end, Division.PREFECTURE, null)) {
                regionOfPrefecture.put(p.code, p.regionCode);
            }
            Set<String> underdeveloped = Filter.where().eq("typeCode", "UNDERDEVELOPED_COUNTY").validOn("validFrom", "validTo", end)
                    .list(Designation.class, null).stream().map(d -> d.countyCode).collect(Collectors.toSet());
            Set<String> assigned = inForce(year).stream().map(a -> a.countyCode).collect(Collectors.toSet());
            int made = 0;
            for (Division c : counties) {
                if (assigned.contains(c.code)) {
                    continue;
                }
                String category = category(c, regionOfPrefecture.get(c.parentCode), underdeveloped.contains(c.code), known2018.get(c.code));
                categories.create(new NewCategoryAssignment(c.code, year, category, SOURCE));
                made++;
            }
            out.add(new DemoCategoriesResult(year, made, counties.size() - made));
        }
        return out;
    }

    private static List<Division> validOn(LocalDate date, String level, Sort sort) {
        return Filter.where().eq("level", level).validOn("validFrom", "validTo", date).list(Division.class, sort);
    }

    private static List<CategoryAssignment> inForce(int year) {
        return Filter.where().eq("year", year).isNull("endedOn", true).list(CategoryAssignment.class, null);
    }

    static String category(Division county, String region, boolean underdeveloped, String known) {
        if (known != null) {
            return known;
        }
        if ("DISTRICT".equals(county.type)) {
            return "CITY_CORE_DISTRICT";
        }
        if (underdeveloped || "NORTHWEST_SICHUAN_ECO".equals(region)) {
            return "KEY_ECOLOGICAL_FUNCTION";
        }
        if ("COUNTY_LEVEL_CITY".equals(county.type)) {
            return "KEY_DEVELOPMENT";
        }
        return Integer.parseInt(county.code) % 2 == 0 ? "KEY_DEVELOPMENT" : "MAIN_FARM_PRODUCE";
    }
}
