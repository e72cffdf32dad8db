package cn.sc.countyeconomy.assessment.service;

import cn.sc.countyeconomy.registry.client.RegistryCategoryAssignment;
import cn.sc.countyeconomy.registry.client.RegistryCopy;
import cn.sc.countyeconomy.registry.client.RegistryCounty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What this service needs from county-registry-service, read from its local copy of the registry
 * (county-registry-client's {@link RegistryCopy}, kept from the registry's change feed in schema
 * {@code registry_copy} of this service's database): no call to the registry per request, and the
 * same answers while it is down. A scoring run records the categories the copy held when it was made
 * (its input hash covers them).
 */
@ApplicationScoped
public class RegistryFacts {

    @Inject
    RegistryCopy registry;

    /** Counties active on the date, by code. The copy answers 503 only before it was ever loaded. */
    public Map<String, RegistryCounty> activeCounties(LocalDate asOf) {
        Map<String, RegistryCounty> m = new TreeMap<>();
        for (RegistryCounty c : registry.countiesOn(asOf)) {
            m.put(c.code(), c);
        }
        return m;
    }

    public List<RegistryCategoryAssignment> categories(int year) {
        return registry.categories(year);
    }

    public static LocalDate dateOf(int year) {
        return LocalDate.of(year, 12, 31);
    }
}
