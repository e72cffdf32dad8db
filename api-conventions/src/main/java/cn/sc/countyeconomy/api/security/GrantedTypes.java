package cn.sc.countyeconomy.api.security;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a write whose data has a type (a designation type) that a <em>service</em> caller must have been
 * granted: {@code api.trusted-services."<service>".types} lists them. A user is not limited by it; a service
 * calling with a type not granted to it gets 403 before the method runs. The type comes from the body
 * ({@link #body()}) and, for a change of an existing resource, from the resource ({@link #resource()} by the
 * path parameter {@link #id()}).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface GrantedTypes {

    @Nonbinding
    String body() default "";

    @Nonbinding
    Class<? extends TypesOf> resource() default TypesOf.class;

    @Nonbinding
    String id() default "id";
}
