package cn.sc.countyeconomy.api.security;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a write operation that spans counties or changes province-wide data (reference data,
 * programmes, scoring runs): only a token without a {@code counties} claim may call it (else 403, before the
 * method runs). {@link #value()} says what the operation does, for the 403's detail: "may not <i>value</i>".
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ProvinceWide {

    @Nonbinding
    String value() default "change province-wide data";
}
