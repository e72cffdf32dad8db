package cn.sc.countyeconomy.api.demo;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation that writes synthetic demo data: it answers 404 unless {@code api.demo-data.enabled} is
 * true, which it is in the dev and test profiles only (production: off unless a deployment sets
 * {@code API_DEMO_DATA_ENABLED=true}).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface DemoData {
}
