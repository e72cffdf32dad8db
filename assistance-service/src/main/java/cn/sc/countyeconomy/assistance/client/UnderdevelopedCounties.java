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

    /**
     * Proof that the registry designated the county on every day of [from, to] (to inclusive; null:
     * open-ended), handed from the check (made before a write's transaction opens) to the write.
     */
    public record DesignatedPeriod(String countyCode, String countyName, LocalDate from, LocalDate to) {

        /** Fails (a programming error, not a request error) unless this proof is for the county and covers the period. */
        public DesignatedPeriod require(String county, LocalDate start, LocalDate end) {
            boolean covers = countyCode.equals(county) && !start.isBefore(from)
                    && (to == null || (end != null && !end.isAfter(to)));
            if (!covers) {
                throw new IllegalArgumentException("the designation checked does not cover " + county + " [" + start + ", " + end + "]");
            }
            return this;
        }
    }

    /**
     * The county must be designated on every day of [from, to] (to inclusive; null: open-ended), by one
     * designation or by several that follow each other without a gap. Refused with a 422 that names the
     * county and the first day of the period it is not designated; 503 when the registry is down.
     */
    public DesignatedPeriod requireDesignatedThroughout(String countyCode, LocalDate from, LocalDate to) {
        List<RegistryDesignation> held = history(countyCode);
        LocalDate day = from;
        String name = null;
        while (true) {
            LocalDate on = day;
            Optional<RegistryDesignation> d = held.stream().filter(x -> x.validOn(on))
                    .max(Comparator.comparing(RegistryDesignation::validTo, Comparator.nullsLast(Comparator.naturalOrder())));
            if (d.isEmpty()) {
                throw notDesignated(countyCode, on, from, to);
            }
            name = d.get().countyName();
            if (d.get().validTo() == null || (to != null && d.get().validTo().isAfter(to))) {
                return new DesignatedPeriod(countyCode, name, from, to);
            }
            day = d.get().validTo(); // exclusive end: the first day this designation does not cover
        }
    }

    /** Whether the county was designated on at least one day of [from, to] (both inclusive). */
    public boolean designatedDuring(String countyCode, LocalDate from, LocalDate to) {
        return history(countyCode).stream()
                .anyMatch(d -> !d.validFrom().isAfter(to) && (d.validTo() == null || d.validTo().isAfter(from)));
    }

    /** Every designation of the county, ended ones included (the registry without asOf). */
    private List<RegistryDesignation> history(String countyCode) {
        return registry.designations(TYPE, null, countyCode).stream().filter(x -> countyCode.equals(x.countyCode())).toList();
    }

    private static ApiException notDesignated(String countyCode, LocalDate on, LocalDate from, LocalDate to) {
        ApiException e = ApiException.rule("county-not-underdeveloped",
                "County " + countyCode + " is not designated an underdeveloped county on " + on
                        + " by county-registry-service, a day of the period [" + from + ", " + (to == null ? "open-ended" : to)
                        + "] the record covers; only those counties can be assisted, and over the whole period")
                .with("countyCode", countyCode).with("date", on.toString()).with("periodStart", from.toString());
        return to == null ? e : e.with("periodEnd", to.toString());
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
