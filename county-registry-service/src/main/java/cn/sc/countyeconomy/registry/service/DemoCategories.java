package cn.sc.countyeconomy.registry.service;

import cn.sc.countyeconomy.registry.CategoryAssignment;
import cn.sc.countyeconomy.registry.Designation;
import cn.sc.countyeconomy.registry.Division;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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

    public static final String SOURCE = "SYNTHETIC demo assignment (project heuristic, not official): a county's 2018 category "
            + "where known; otherwise district -> CITY_CORE_DISTRICT; underdeveloped or in the northwest Sichuan ecological region "
            + "-> KEY_ECOLOGICAL_FUNCTION; county-level city -> KEY_DEVELOPMENT; other counties split between KEY_DEVELOPMENT and "
            + "MAIN_FARM_PRODUCE by code";

    @Schema(name = "DemoCategoriesResult")
    public record YearResult(int year, int assigned, int alreadyAssigned) {
    }

    @Inject
    CategoryService categories;

    @Transactional
    public List<YearResult> assign(List<Integer> years) {
        Map<String, String> known2018 = CategoryAssignment.<CategoryAssignment>list("year = 2018 and endedOn is null").stream()
                .collect(Collectors.toMap(a -> a.countyCode, a -> a.categoryCode, (a, b) -> a));
        List<YearResult> out = new ArrayList<>();
        for (int year : years) {
            LocalDate end = LocalDate.of(year, 12, 31);
            List<Division> counties = Division.list("level = ?1 and validFrom <= ?2 and (validTo is null or validTo > ?2) order by code",
                    Division.COUNTY, end);
            Map<String, String> regionOfPrefecture = new HashMap<>();
            for (Division p : Division.<Division>list("level = ?1 and validFrom <= ?2 and (validTo is null or validTo > ?2)",
                    Division.PREFECTURE, end)) {
                regionOfPrefecture.put(p.code, p.regionCode);
            }
            Set<String> underdeveloped = Designation.<Designation>list(
                            "typeCode = 'UNDERDEVELOPED_COUNTY' and validFrom <= ?1 and (validTo is null or validTo > ?1)", end)
                    .stream().map(d -> d.countyCode).collect(Collectors.toSet());
            Set<String> assigned = CategoryAssignment.<CategoryAssignment>list("year = ?1 and endedOn is null", year).stream()
                    .map(a -> a.countyCode).collect(Collectors.toSet());
            int made = 0;
            for (Division c : counties) {
                if (assigned.contains(c.code)) {
                    continue;
                }
                String category = category(c, regionOfPrefecture.get(c.parentCode), underdeveloped.contains(c.code), known2018.get(c.code));
                categories.create(new CategoryService.NewAssignment(c.code, year, category, SOURCE));
                made++;
            }
            out.add(new YearResult(year, made, counties.size() - made));
        }
        return out;
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
