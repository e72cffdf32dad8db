package cn.sc.countyeconomy.api.ratelimit;

import cn.sc.countyeconomy.api.security.Caller;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcInvocationContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;

/**
 * Applies {@link RateLimited}: after authorization ({@code AuthorizationInterceptor}, so a refused caller uses
 * no budget) and before the method's transaction, so the count is committed whatever the method does.
 */
@RateLimited(value = "", limit = 0)
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 150)
public class RateLimitInterceptor {

    @Inject
    RateLimiter limiter;

    @Inject
    Config config;

    @AroundInvoke
    Object limit(InvocationContext ctx) throws Exception {
        RateLimited declared = ArcInvocationContext.findIterceptorBinding(ctx, RateLimited.class);
        String name = declared.value();
        int limit = config.getOptionalValue("api.rate-limits.\"" + name + "\".limit", Integer.class).orElse(declared.limit());
        Duration window = config.getOptionalValue("api.rate-limits.\"" + name + "\".window", Duration.class)
                .orElse(Duration.parse(declared.window()));
        limiter.acquire(name, caller(), limit, window);
        return ctx.proceed();
    }

    /** The caller's subject in a request; outside one (a scheduled job, start-up), the system. */
    private static String caller() {
        if (Arc.container().requestContext().isActive()) {
            return Arc.container().instance(Caller.class).get().subject();
        }
        return "system";
    }
}
