package cn.sc.countyeconomy.registry.client;

import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.problem.ProblemType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * county-registry-service as the other services use it. Every call has a timeout and a circuit
 * breaker; reads are retried. A 404 is an answer ({@link Optional#empty()}), not a failure, and does
 * not trip the breaker; a 4xx problem from the registry is passed on as a problem of the caller's
 * (409/422 with the registry's detail). When the registry cannot be reached the call ends in a 503
 * problem with Retry-After ({@code registry.retry-after-seconds}), so the caller's client is told to
 * come back instead of receiving a 500 or waiting.
 * <p>Configuration: {@code quarkus.rest-client.county-registry.url}; timeouts and breaker through the
 * MicroProfile Fault Tolerance keys, e.g. {@code cn.sc.countyeconomy.registry.client.CountyRegistry/Timeout/value}.
 */
@ApplicationScoped
public class CountyRegistry {

    static final int PAGE = 500;

    @Inject
    @RestClient
    RegistryApi api;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "registry.retry-after-seconds", defaultValue = "30")
    int retryAfterSeconds;

    /** The county as of a date; empty when the code never existed. */
    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
    @ExponentialBackoff
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10_000, skipOn = ApiException.class)
    @Fallback(fallbackMethod = "countyUnavailable", skipOn = ApiException.class)
    public Optional<RegistryCounty> county(String code, LocalDate asOf) {
        try {
            return Optional.of(api.county(code, asOf == null ? null : asOf.toString()));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw passOn(e);
        }
    }

    /** Every county-level division valid on the date. */
    @Timeout(10_000)
    @Retry(maxRetries = 2, delay = 200, abortOn = ApiException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10_000, skipOn = ApiException.class)
    @Fallback(fallbackMethod = "countiesUnavailable", skipOn = ApiException.class)
    public List<RegistryCounty> counties(LocalDate asOf) {
        try {
            return all(page -> api.counties(asOf.toString(), page, PAGE));
        } catch (WebApplicationException e) {
            throw passOn(e);
        }
    }

    /** The shapes of the counties valid on the date, as the registry's GeoJSON FeatureCollection (several MB). */
    @Timeout(20_000)
    @Retry(maxRetries = 1, delay = 200, abortOn = ApiException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10_000, skipOn = ApiException.class)
    @Fallback(fallbackMethod = "shapesUnavailable", skipOn = ApiException.class)
    public String shapes(LocalDate asOf) {
        try {
            return api.shapes(asOf.toString());
        } catch (WebApplicationException e) {
            throw passOn(e);
        }
    }

    /** The category of every county that has one for the year. */
    @Timeout(10_000)
    @Retry(maxRetries = 2, delay = 200, abortOn = ApiException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10_000, skipOn = ApiException.class)
    @Fallback(fallbackMethod = "categoriesUnavailable", skipOn = ApiException.class)
    public List<RegistryCategoryAssignment> categories(int year) {
        try {
            return all(page -> api.categoryAssignments(year, page, PAGE));
        } catch (WebApplicationException e) {
            throw passOn(e);
        }
    }

    /** Designations of a type valid on a date, for one county or (county null) all. */
    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10_000, skipOn = ApiException.class)
    @Fallback(fallbackMethod = "designationsUnavailable", skipOn = ApiException.class)
    public List<RegistryDesignation> designations(String type, LocalDate asOf, String countyCode) {
        try {
            return all(page -> api.designations(type, asOf == null ? null : asOf.toString(), countyCode, null, page, PAGE));
        } catch (WebApplicationException e) {
            throw passOn(e);
        }
    }

    /** Every designation of a type from one source, ended ones included (a writer reconciles its own with it). */
    @Timeout(10_000)
    @Retry(maxRetries = 2, delay = 200, abortOn = ApiException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10_000, skipOn = ApiException.class)
    @Fallback(fallbackMethod = "designationsFromUnavailable", skipOn = ApiException.class)
    public List<RegistryDesignation> designationsFrom(String type, String source) {
        try {
            return all(page -> api.designations(type, null, null, source, page, PAGE));
        } catch (WebApplicationException e) {
            throw passOn(e);
        }
    }

    /**
     * Records a designation. Not retried blindly: the idempotency key makes a retry safe, so the
     * same key is sent on every attempt and the registry answers a repeat with the first answer.
     */
    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 200, abortOn = ApiException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10_000, skipOn = ApiException.class)
    @Fallback(fallbackMethod = "addUnavailable", skipOn = ApiException.class)
    public RegistryDesignation addDesignation(String idempotencyKey, NewDesignation designation) {
        try {
            return api.addDesignation(idempotencyKey, designation);
        } catch (WebApplicationException e) {
            throw passOn(e);
        }
    }

    /**
     * Ends a designation on a date (reads its current version for If-Match). Safe to repeat: a
     * designation already ended on that very date is answered as it is, so that a caller retrying
     * after a failure of its own does not get a conflict for what it already did.
     */
    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 200, abortOn = ApiException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10_000, skipOn = ApiException.class)
    @Fallback(fallbackMethod = "endUnavailable", skipOn = ApiException.class)
    public RegistryDesignation endDesignation(long id, LocalDate endDate, String reason) {
        try {
            RegistryDesignation current = api.designation(id);
            if (endDate.equals(current.validTo())) {
                return current;
            }
            return api.endDesignation(id, "\"" + current.version() + "\"", new DesignationEnd(endDate, reason));
        } catch (WebApplicationException e) {
            throw passOn(e);
        }
    }

    /** A slice of the change feed after a sequence (the follower of the local copy reads it). */
    @Timeout(5000)
    @Retry(maxRetries = 1, delay = 200, abortOn = ApiException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10_000, skipOn = ApiException.class)
    @Fallback(fallbackMethod = "changesUnavailable", skipOn = ApiException.class)
    public RegistryFeedPage changes(long after, int limit) {
        try {
            return api.changes(after, limit);
        } catch (WebApplicationException e) {
            throw passOn(e);
        }
    }

    /** Every version of every county-level division, retired ones included (the full load of the local copy). */
    @Timeout(20_000)
    @Retry(maxRetries = 1, delay = 200, abortOn = ApiException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10_000, skipOn = ApiException.class)
    @Fallback(fallbackMethod = "countyVersionsUnavailable", skipOn = ApiException.class)
    public List<RegistryCountyVersion> countyVersions() {
        try {
            return all(page -> api.countyVersions(page, PAGE));
        } catch (WebApplicationException e) {
            throw passOn(e);
        }
    }

    /** Every category assignment of every year, ended ones included (the full load of the local copy). */
    @Timeout(20_000)
    @Retry(maxRetries = 1, delay = 200, abortOn = ApiException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10_000, skipOn = ApiException.class)
    @Fallback(fallbackMethod = "allCategoriesUnavailable", skipOn = ApiException.class)
    public List<CopiedCategoryAssignment> allCategoryAssignments() {
        try {
            return all(page -> api.allCategoryAssignments(true, page, PAGE));
        } catch (WebApplicationException e) {
            throw passOn(e);
        }
    }

    /** Every designation of every type, ended ones included (the full load of the local copy). */
    @Timeout(20_000)
    @Retry(maxRetries = 1, delay = 200, abortOn = ApiException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10_000, skipOn = ApiException.class)
    @Fallback(fallbackMethod = "allDesignationsUnavailable", skipOn = ApiException.class)
    public List<RegistryDesignation> allDesignations() {
        try {
            return all(page -> api.allDesignations(page, PAGE));
        } catch (WebApplicationException e) {
            throw passOn(e);
        }
    }

    /** Every division change, oldest first (the lineage of the full load of the local copy). */
    @Timeout(20_000)
    @Retry(maxRetries = 1, delay = 200, abortOn = ApiException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10_000, skipOn = ApiException.class)
    @Fallback(fallbackMethod = "divisionChangesUnavailable", skipOn = ApiException.class)
    public List<RegistryDivisionChange> divisionChanges() {
        try {
            // by id: a stable order across pages (many changes share an effective date)
            return all(page -> api.divisionChanges("id,asc", page, PAGE));
        } catch (WebApplicationException e) {
            throw passOn(e);
        }
    }

    private static <T> List<T> all(java.util.function.IntFunction<RegistryPage<T>> read) {
        List<T> all = new ArrayList<>();
        for (int page = 0;; page++) {
            RegistryPage<T> p = read.apply(page);
            all.addAll(p.items());
            if (page + 1 >= p.totalPages()) {
                return all;
            }
        }
    }

    RegistryFeedPage changesUnavailable(long after, int limit) {
        throw RegistryUnavailable.problem(retryAfterSeconds);
    }

    List<RegistryCountyVersion> countyVersionsUnavailable() {
        throw RegistryUnavailable.problem(retryAfterSeconds);
    }

    List<CopiedCategoryAssignment> allCategoriesUnavailable() {
        throw RegistryUnavailable.problem(retryAfterSeconds);
    }

    List<RegistryDesignation> allDesignationsUnavailable() {
        throw RegistryUnavailable.problem(retryAfterSeconds);
    }

    List<RegistryDivisionChange> divisionChangesUnavailable() {
        throw RegistryUnavailable.problem(retryAfterSeconds);
    }

    Optional<RegistryCounty> countyUnavailable(String code, LocalDate asOf) {
        throw RegistryUnavailable.problem(retryAfterSeconds);
    }

    List<RegistryCounty> countiesUnavailable(LocalDate asOf) {
        throw RegistryUnavailable.problem(retryAfterSeconds);
    }

    String shapesUnavailable(LocalDate asOf) {
        throw RegistryUnavailable.problem(retryAfterSeconds);
    }

    List<RegistryCategoryAssignment> categoriesUnavailable(int year) {
        throw RegistryUnavailable.problem(retryAfterSeconds);
    }

    List<RegistryDesignation> designationsUnavailable(String type, LocalDate asOf, String countyCode) {
        throw RegistryUnavailable.problem(retryAfterSeconds);
    }

    List<RegistryDesignation> designationsFromUnavailable(String type, String source) {
        throw RegistryUnavailable.problem(retryAfterSeconds);
    }

    RegistryDesignation addUnavailable(String idempotencyKey, NewDesignation designation) {
        throw RegistryUnavailable.problem(retryAfterSeconds);
    }

    RegistryDesignation endUnavailable(long id, LocalDate endDate, String reason) {
        throw RegistryUnavailable.problem(retryAfterSeconds);
    }

    /**
     * A 4xx answer of the registry becomes a problem of the caller's with the registry's detail (it
     * is about the caller's request, and must not trip the breaker); a 5xx stays a failure.
     */
    private RuntimeException passOn(WebApplicationException e) {
        Response r = e.getResponse();
        int status = r.getStatus();
        if (status >= 500 || status == 401 || status == 403 || status == 429) {
            // the registry is failing, or refuses this service's own identity: both mean "unavailable" to our client
            return e;
        }
        String detail = "county-registry-service refused the request";
        try {
            String body = r.readEntity(String.class);
            JsonNode n = json.readTree(body);
            if (status == 409 && "IN_PROGRESS".equals(n.path("idempotencyKeyState").asText(null))) {
                // the same idempotency key is still being answered by the registry (a first attempt that timed out here):
                // not a refusal, but "try again later", as its Retry-After says; the caller's retry or relay replays it
                return e;
            }
            if (n.hasNonNull("detail")) {
                detail = "county-registry-service: " + n.get("detail").asText();
            }
        } catch (RuntimeException | java.io.IOException ignored) {
            // keep the generic detail
        }
        int mapped = status == 409 ? 409 : 422;
        return new ApiException(mapped, mapped == 409 ? ProblemType.CONFLICT : ProblemType.BUSINESS_RULE, detail)
                .with("rule", "registry-refused").with("registryStatus", status);
    }
}
