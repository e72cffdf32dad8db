package cn.sc.countyeconomy.assistance.client;

import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.assistance.RegistryCountyCache;
import cn.sc.countyeconomy.registry.client.CountyRegistry;
import cn.sc.countyeconomy.registry.client.RegistryDesignation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Eligibility for assistance, as county-registry-service designates it (designation type
 * UNDERDEVELOPED_COUNTY). The registry is the truth: writes that need eligibility ask it every time
 * and fail with its 503 when it is down. Reports that need the list of counties use the last list
 * the registry gave when it cannot answer, and say so.
 */
@ApplicationScoped
public class UnderdevelopedCounties {

    private static final Logger LOG = Logger.getLogger(UnderdevelopedCounties.class);
    public static final String TYPE = RegistryDesignation.UNDERDEVELOPED_COUNTY;

    @Inject
    CountyRegistry registry;
    @Inject
    Clock clock;

    /** The designation valid for the county on the date, or a 422 naming the rule. 503 when the registry is down. */
    public RegistryDesignation requireDesignated(String countyCode, LocalDate on) {
        Optional<RegistryDesignation> d = registry.designations(TYPE, on, countyCode).stream()
                .filter(x -> countyCode.equals(x.countyCode()) && x.validOn(on))
                .findFirst();
        return d.orElseThrow(() -> ApiException.rule("county-not-underdeveloped",
                "County " + countyCode + " is not designated an underdeveloped county on " + on
                        + " by county-registry-service; only those counties can be assisted")
                .with("countyCode", countyCode).with("date", on.toString()));
    }

    public record County(String code, String name) {
    }

    public record CountyList(List<County> counties, String source, Instant fetchedAt) {
    }

    /** Every county designated on the date; from the cache (source "cache") when the registry is down. */
    public CountyList all(LocalDate asOf) {
        try {
            List<County> counties = registry.designations(TYPE, asOf, null).stream()
                    .filter(d -> d.validOn(asOf))
                    .map(d -> new County(d.countyCode(), d.countyName()))
                    .distinct()
                    .sorted(Comparator.comparing(County::code))
                    .toList();
            Instant now = Instant.now(clock);
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    RegistryCountyCache.deleteAll();
                    for (County c : counties) {
                        RegistryCountyCache e = new RegistryCountyCache();
                        e.countyCode = c.code();
                        e.countyName = c.name();
                        e.asOf = asOf;
                        e.fetchedAt = now;
                        e.persist();
                    }
                });
            } catch (RuntimeException refreshFailed) {
                // two reports refreshing at once: one wins; the answer does not depend on the cache
                LOG.warnf("could not refresh the cached list of underdeveloped counties: %s", refreshFailed.toString());
            }
            return new CountyList(counties, "county-registry-service", now);
        } catch (ApiException e) {
            if (e.status() != 503) {
                throw e;
            }
            List<RegistryCountyCache> cached = QuarkusTransaction.requiringNew().call(
                    () -> RegistryCountyCache.<RegistryCountyCache>listAll(io.quarkus.panache.common.Sort.by("countyCode")));
            if (cached.isEmpty()) {
                throw e;
            }
            LOG.warnf("county-registry-service unavailable; coverage uses the cached list of %d counties", cached.size());
            return new CountyList(cached.stream().map(c -> new County(c.countyCode, c.countyName)).toList(),
                    "cache", cached.get(0).fetchedAt);
        }
    }
}
