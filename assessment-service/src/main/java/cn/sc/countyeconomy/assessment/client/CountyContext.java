package cn.sc.countyeconomy.assessment.client;

import cn.sc.countyeconomy.assessment.api.ExternalPart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * What the scorecard shows from assistance-service (effectiveness of assistance) and
 * reform-pilot-service (pilot status). Optional context: a short timeout, a circuit breaker and a
 * fallback that marks the part UNAVAILABLE, so the scorecard never fails because a sibling is down.
 * A 404 is NONE (the county has no such record), not a failure.
 */
@ApplicationScoped
public class CountyContext {

    @Inject
    @RestClient
    CountyContextApi.Assistance assistance;

    @Inject
    @RestClient
    CountyContextApi.ReformPilots pilots;

    @Timeout(1500)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10_000)
    @Fallback(fallbackMethod = "effectivenessUnavailable")
    public ExternalPart effectiveness(String county, int year) {
        try {
            return new ExternalPart("assistance-service", "AVAILABLE", assistance.effectiveness(county, year));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return new ExternalPart("assistance-service", "NONE", null);
            }
            throw e;
        }
    }

    @Timeout(1500)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10_000)
    @Fallback(fallbackMethod = "pilotsUnavailable")
    public ExternalPart pilots(String county) {
        try {
            return new ExternalPart("reform-pilot-service", "AVAILABLE", pilots.pilots(county));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return new ExternalPart("reform-pilot-service", "NONE", null);
            }
            throw e;
        }
    }

    ExternalPart effectivenessUnavailable(String county, int year) {
        return new ExternalPart("assistance-service", "UNAVAILABLE", null);
    }

    ExternalPart pilotsUnavailable(String county) {
        return new ExternalPart("reform-pilot-service", "UNAVAILABLE", null);
    }
}
