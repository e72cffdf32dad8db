package cn.sc.countyeconomy.assessment;

import cn.sc.countyeconomy.registry.client.RegistryCategoryAssignment;
import cn.sc.countyeconomy.registry.client.RegistryCounty;
import cn.sc.countyeconomy.registry.client.testing.RegistryStub;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the tests of this service need the registry to say: the real 183 Sichuan counties plus
 * 510122 (the former Shuangliu county, now district 510116) RETIRED, and a category for each of
 * them in every year the tests score: the first 33 districts CITY_CORE_DISTRICT, the others in
 * turn KEY_DEVELOPMENT, MAIN_FARM_PRODUCE, KEY_ECOLOGICAL_FUNCTION.
 */
final class SichuanRegistry {

    static final String RETIRED_SHUANGLIU = "510122";
    /** The years whose categories the registry answers (runs of 2021, 2022 and 2024 to 2026). */
    static final List<Integer> YEARS = List.of(2021, 2022, 2023, 2024, 2025, 2026);

    private static final Map<String, String> CATEGORY = categories();

    private SichuanRegistry() {
    }

    /** States these facts in the registry stub, after forgetting every earlier stub. */
    static void state() {
        RegistryStub.reset();
        List<RegistryCounty> counties = new ArrayList<>(RegistryStub.sichuan());
        counties.add(RegistryStub.county(RETIRED_SHUANGLIU, "双流县", "510100", "成都市", RegistryCounty.RETIRED));
        RegistryStub.counties(counties);
        List<RegistryCategoryAssignment> assignments = new ArrayList<>();
        long id = 1;
        for (int year : YEARS) {
            for (Map.Entry<String, String> c : CATEGORY.entrySet()) {
                assignments.add(new RegistryCategoryAssignment(id++, c.getKey(), nameOf(c.getKey()), year, c.getValue(),
                        c.getValue(), "test stub", 0));
            }
        }
        RegistryStub.categories(assignments);
    }

    static String nameOf(String code) {
        return RegistryStub.sichuan(code).name();
    }

    /** The codes of a category, in the registry's order. */
    static List<String> inCategory(String category) {
        return CATEGORY.entrySet().stream().filter(e -> e.getValue().equals(category)).map(Map.Entry::getKey).toList();
    }

    private static Map<String, String> categories() {
        String[] others = {RegistryCategoryAssignment.KEY_DEVELOPMENT, RegistryCategoryAssignment.MAIN_FARM_PRODUCE,
                RegistryCategoryAssignment.KEY_ECOLOGICAL_FUNCTION};
        Map<String, String> m = new LinkedHashMap<>();
        int districts = 0;
        int i = 0;
        for (RegistryCounty c : RegistryStub.sichuan()) {
            if (c.name().endsWith("区") && districts < 33) {
                m.put(c.code(), RegistryCategoryAssignment.CITY_CORE_DISTRICT);
                districts++;
            } else {
                m.put(c.code(), others[i++ % 3]);
            }
        }
        return m;
    }
}
