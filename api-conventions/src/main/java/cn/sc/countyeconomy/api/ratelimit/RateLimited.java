package cn.sc.countyeconomy.api.ratelimit;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits how often each caller may invoke the method: at most {@link #limit()} calls in any {@link #window()}, wherever
 * that window starts (a sliding log, see {@link RateLimiter}), counted in the service's database so that every replica
 * shares the count. Past the limit the call does not happen: the answer is 429 {@code too-many-requests} with
 * {@code Retry-After}. A call is counted when it is admitted, before the method runs, whatever its outcome.
 *
 * <p>Put it on a REST resource method (outside any transaction): the decision is a short transaction of its own, and
 * there it takes the request's only connection instead of a second one.
 *
 * <p>Configurable per name: {@code api.rate-limits."<name>".limit} and {@code api.rate-limits."<name>".window}
 * (an ISO-8601 duration such as {@code PT1M}).
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface RateLimited {

    /** The limit's name, which keys its counters and its configuration. */
    @Nonbinding
    String value();

    /** Calls admitted per caller in any window. */
    @Nonbinding
    int limit();

    /** The window, as an ISO-8601 duration. */
    @Nonbinding
    String window() default "PT1M";
}
