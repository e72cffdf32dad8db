package cn.sc.countyeconomy.api.demo;

import cn.sc.countyeconomy.api.problem.ApiException;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Refuses {@link DemoData} operations with 404 when demo data is not enabled; after the authorization checks, so a refused token learns nothing. */
@DemoData
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 150)
public class DemoDataGate {

    @ConfigProperty(name = "api.demo-data.enabled", defaultValue = "false")
    boolean enabled;

    @AroundInvoke
    Object gate(InvocationContext ctx) throws Exception {
        if (!enabled) {
            throw ApiException.notFound("Demo data (not enabled here; api.demo-data.enabled)", "demo-data");
        }
        return ctx.proceed();
    }
}
