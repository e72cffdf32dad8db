package cn.sc.countyeconomy.assessment.service;

import cn.sc.countyeconomy.registry.client.CountyRegistry;
import cn.sc.countyeconomy.registry.client.RegistryCategoryAssignment;
import cn.sc.countyeconomy.registry.client.RegistryCounty;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What this service needs from county-registry-service. The county list per date is cached
 * (quarkus-cache "registry-counties", expiring after the configured time) for validating imports;
 * failures are not cached. A scoring run always asks for the categories afresh: a run is a record of
 * what the registry said when it was made.
 */
@ApplicationScoped
public class RegistryFacts {

    @Inject
    CountyRegistry registry;

    /** Counties active on the date, by code. Throws the registry client's 503 problem when it cannot be reached. */
    @CacheResult(cacheName = "registry-counties")
    public Map<String, RegistryCounty> activeCounties(LocalDate asOf) {
        Map<String, RegistryCounty> m = new TreeMap<>();
        for (RegistryCounty c : registry.counties(asOf)) {
            if (c.status() == null || c.active()) {
                m.put(c.code(), c);
            }
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
