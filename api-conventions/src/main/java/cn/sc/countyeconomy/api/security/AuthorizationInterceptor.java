package cn.sc.countyeconomy.api.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * The one place where county scopes and service grants are enforced: runs before a resource method declared
 * {@link CountyScoped}, {@link ProvinceWide} or {@link GrantedTypes} (after {@code @RolesAllowed}, which
 * Quarkus checks first, and before Bean Validation), and answers 403 when the token may not. Three bindings
 * need three interceptor classes; they share {@link Authorization}.
 */
public final class AuthorizationInterceptor {

    /** Before Bean Validation of the parameters (PLATFORM_AFTER + 800), so a refused token learns nothing about its body. */
    static final int PRIORITY = Interceptor.Priority.PLATFORM_BEFORE + 100;

    private AuthorizationInterceptor() {
    }

    @CountyScoped
    @Interceptor
    @Priority(PRIORITY)
    public static class ForCounties {

        @Inject
        Authorization authorization;

        @AroundInvoke
        Object check(InvocationContext ctx) throws Exception {
            authorization.requireCounties(ctx);
            return ctx.proceed();
        }
    }

    @ProvinceWide
    @Interceptor
    @Priority(PRIORITY)
    public static class ForProvince {

        @Inject
        Authorization authorization;

        @AroundInvoke
        Object check(InvocationContext ctx) throws Exception {
            authorization.requireProvince(ctx);
            return ctx.proceed();
        }
    }

    @GrantedTypes
    @Interceptor
    @Priority(PRIORITY + 1)
    public static class ForTypes {

        @Inject
        Authorization authorization;

        @AroundInvoke
        Object check(InvocationContext ctx) throws Exception {
            authorization.requireGrantedTypes(ctx);
            return ctx.proceed();
        }
    }
}
