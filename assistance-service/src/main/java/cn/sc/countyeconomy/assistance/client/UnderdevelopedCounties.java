package cn.sc.countyeconomy.assistance.client;

import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.registry.client.RegistryCopy;
import cn.sc.countyeconomy.registry.client.RegistryDesignation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Eligibility for assistance, as county-registry-service designates it (designation type
 * UNDERDEVELOPED_COUNTY), read from this service's local copy of the registry facts
 * (county-registry-client's {@link RegistryCopy}, kept from the registry's change feed): no call to
 * the registry per request, and the same answers while it is down. Only before the copy was ever
 * loaded do checks and reports answer 503 with Retry-After.
 */
@ApplicationScoped
public class UnderdevelopedCounties {

    public static final String TYPE = RegistryDesignation.UNDERDEVELOPED_COUNTY;

    @Inject
    RegistryCopy copy;

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
     * county and the first day of the period it is not designated; 503 only before the copy was ever loaded.
     */
    public DesignatedPeriod requireDesignatedThroughout(String countyCode, LocalDate from, LocalDate to) {
        List<RegistryDesignation> held = history(countyCode);
        Optional<LocalDate> gap = firstDayNotDesignated(held, from, to);
        if (gap.isPresent()) {
            throw notDesignated(countyCode, gap.get(), from, to);
        }
        String name = held.stream().filter(x -> x.validOn(from)).map(RegistryDesignation::countyName).findFirst().orElse(null);
        return new DesignatedPeriod(countyCode, name, from, to);
    }

    /** The first day of [from, to] (to inclusive; null: open-ended) the county is not designated; empty when it is throughout. */
    public Optional<LocalDate> firstDayNotDesignated(String countyCode, LocalDate from, LocalDate to) {
        return firstDayNotDesignated(history(countyCode), from, to);
    }

    private static Optional<LocalDate> firstDayNotDesignated(List<RegistryDesignation> held, LocalDate from, LocalDate to) {
        LocalDate day = from;
        while (true) {
            LocalDate on = day;
            Optional<RegistryDesignation> d = held.stream().filter(x -> x.validOn(on))
                    .max(Comparator.comparing(RegistryDesignation::validTo, Comparator.nullsLast(Comparator.naturalOrder())));
            if (d.isEmpty()) {
                return Optional.of(on);
            }
            if (d.get().validTo() == null || (to != null && d.get().validTo().isAfter(to))) {
                return Optional.empty();
            }
            day = d.get().validTo(); // exclusive end: the first day this designation does not cover
        }
    }

    /** Whether the county was designated on at least one day of [from, to] (both inclusive). */
    public boolean designatedDuring(String countyCode, LocalDate from, LocalDate to) {
        return history(countyCode).stream()
                .anyMatch(d -> !d.validFrom().isAfter(to) && (d.validTo() == null || d.validTo().isAfter(from)));
    }

    /** Every designation of the county, ended ones included, from the local copy. */
    private List<RegistryDesignation> history(String countyCode) {
        return copy.designations(TYPE, null, countyCode);
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

    /** The counties, where they came from ({@value #SOURCE}) and when the copy last changed. */
    public record CountyList(List<County> counties, String source, Instant fetchedAt) {
    }

    /** The source a {@link CountyList} names: the registry's designations as this service's local copy holds them. */
    public static final String SOURCE = "registry-copy";

    /** Every county designated on the date, from the local copy (503 only before the copy was ever loaded). */
    public CountyList all(LocalDate asOf) {
        List<County> counties = designatedOn(asOf).stream()
                .map(d -> new County(d.countyCode(), d.countyName()))
                .distinct()
                .sorted(Comparator.comparing(County::code))
                .toList();
        return new CountyList(counties, SOURCE, copy.changedAt().orElse(null));
    }

    /** The designations valid on the date, of every county, from the local copy. */
    public List<RegistryDesignation> designatedOn(LocalDate asOf) {
        return copy.designations(TYPE, asOf, null);
    }
}
