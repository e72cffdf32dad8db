package cn.sc.countyeconomy.api.security;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares, on a write operation of a resource, the county or counties whose data it changes;
 * {@link AuthorizationInterceptor} refuses (403) a token whose {@code counties} claim does not hold every one
 * of them, before the method runs. Name at least one source; all named sources are checked:
 * <ul>
 * <li>{@link #path()}: a path parameter that is a county code ({@code PUT /counties/{code}});</li>
 * <li>{@link #body()}: a property of the request body, or of each element of a list in it
 * ({@code "countyCode"}, {@code "values.countyCode"});</li>
 * <li>{@link #resource()}: the county of the resource the operation changes, found from the path parameter
 * {@link #id()} (or from the body: {@code id = "body:pilotId"}); with {@link #body()} an update is checked for both its old and its new county.</li>
 * <li>{@link #content()}: the counties are named in the rows of an uploaded file (the column given), which only
 * the service reads; it checks each row with {@link CountyScope#requireWrite(String)} after parsing.</li>
 * </ul>
 * Operations that span counties declare {@link ProvinceWide} instead. A write operation that declares neither
 * stops the service at start ({@link AuthorizationRules}).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface CountyScoped {

    @Nonbinding
    String path() default "";

    @Nonbinding
    String body() default "";

    @Nonbinding
    Class<? extends CountiesOf> resource() default CountiesOf.class;

    @Nonbinding
    String id() default "id";

    @Nonbinding
    String content() default "";
}
