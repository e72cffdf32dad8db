package cn.sc.countyeconomy.api.security;

import cn.sc.countyeconomy.api.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@link AuthorizationInterceptor} checks: the counties an operation declares it touches against the
 * token's {@code counties} claim, and the types a service caller was granted.
 */
@ApplicationScoped
public class Authorization {

    @Inject
    CountyScope scope;
    @Inject
    Caller caller;
    @Inject
    Instance<Object> beans;

    void requireCounties(InvocationContext ctx) {
        Optional<Set<String>> allowed = scope.counties();
        if (allowed.isEmpty()) {
            return;
        }
        CountyScoped rule = ctx.getMethod().getAnnotation(CountyScoped.class);
        Set<String> touched = new TreeSet<>();
        if (!rule.path().isEmpty()) {
            valueOf(ctx, rule.path()).ifPresent(touched::add);
        }
        if (!rule.body().isEmpty()) {
            touched.addAll(bodyValues(ctx, rule.body()));
        }
        if (rule.resource() != CountiesOf.class) {
            CountiesOf of = beans.select(rule.resource()).get();
            idsOf(ctx, rule.id()).forEach(id -> touched.addAll(of.counties(id)));
        }
        Set<String> outside = new TreeSet<>(touched);
        outside.removeAll(allowed.get());
        if (!outside.isEmpty()) {
            throw ApiException.forbidden("Your token is limited to counties " + allowed.get()
                    + " and may not write data of county " + String.join(", ", outside));
        }
    }

    void requireProvince(InvocationContext ctx) {
        if (scope.counties().isPresent()) {
            ProvinceWide rule = ctx.getMethod().getAnnotation(ProvinceWide.class);
            throw ApiException.forbidden("A token limited to counties " + scope.counties().orElseThrow() + " may not " + rule.value());
        }
    }

    void requireGrantedTypes(InvocationContext ctx) {
        Optional<String> service = caller.service();
        if (service.isEmpty()) {
            return;
        }
        GrantedTypes rule = ctx.getMethod().getAnnotation(GrantedTypes.class);
        Set<String> types = new TreeSet<>();
        if (!rule.body().isEmpty()) {
            types.addAll(bodyValues(ctx, rule.body()));
        }
        if (rule.resource() != TypesOf.class) {
            TypesOf of = beans.select(rule.resource()).get();
            idsOf(ctx, rule.id()).forEach(id -> types.addAll(of.types(id)));
        }
        Set<String> granted = caller.grantedTypes();
        Set<String> refused = new TreeSet<>(types);
        refused.removeAll(granted);
        if (!refused.isEmpty()) {
            throw ApiException.forbidden("Service " + service.get() + " is granted the types " + new TreeSet<>(granted)
                    + " only, not " + String.join(", ", refused));
        }
    }

    /** The id of the changed resource: a path parameter, or "body:property" for an id in the body. */
    private static Set<String> idsOf(InvocationContext ctx, String id) {
        return id.startsWith("body:") ? bodyValues(ctx, id.substring(5)) : valueOf(ctx, id).map(Set::of).orElse(Set.of());
    }

    /** The value of the path parameter of this name. */
    private static Optional<String> valueOf(InvocationContext ctx, String name) {
        Parameter[] params = ctx.getMethod().getParameters();
        for (int i = 0; i < params.length; i++) {
            PathParam p = params[i].getAnnotation(PathParam.class);
            String declared = p != null ? p.value() : restPathName(params[i]);
            if (name.equals(declared)) {
                Object v = ctx.getParameters()[i];
                return v == null ? Optional.empty() : Optional.of(v.toString());
            }
        }
        throw new IllegalStateException(ctx.getMethod() + " declares the path parameter " + name + " but has none of that name");
    }

    private static String restPathName(Parameter p) {
        for (Annotation a : p.getAnnotations()) {
            if (a.annotationType().getName().equals("org.jboss.resteasy.reactive.RestPath")) {
                try {
                    String v = (String) a.annotationType().getMethod("value").invoke(a);
                    return v.isEmpty() ? p.getName() : v;
                } catch (ReflectiveOperationException e) {
                    return p.getName();
                }
            }
        }
        return null;
    }

    /** The values at a property path of the body: "countyCode", "values.countyCode" (each element of a list). */
    static Set<String> bodyValues(InvocationContext ctx, String path) {
        Object body = body(ctx.getMethod(), ctx.getParameters());
        Set<String> out = new LinkedHashSet<>();
        collect(body, path.split("\\."), 0, out);
        return out;
    }

    private static void collect(Object node, String[] steps, int i, Set<String> out) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> c) {
            c.forEach(e -> collect(e, steps, i, out));
            return;
        }
        if (i == steps.length) {
            out.add(node.toString());
            return;
        }
        collect(property(node, steps[i]), steps, i + 1, out);
    }

    private static Object property(Object node, String name) {
        if (node instanceof Map<?, ?> m) {
            return m.get(name);
        }
        Class<?> type = node.getClass();
        try {
            if (type.isRecord()) {
                for (RecordComponent rc : type.getRecordComponents()) {
                    if (rc.getName().equals(name)) {
                        return rc.getAccessor().invoke(node);
                    }
                }
            }
            Method getter = type.getMethod("get" + Character.toUpperCase(name.charAt(0)) + name.substring(1));
            return getter.invoke(node);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the body " + type.getSimpleName() + " has no property " + name, e);
        }
    }

    /** The argument that is the request body: the one parameter without a JAX-RS source annotation. */
    static Object body(Method method, Object[] args) {
        Parameter[] params = method.getParameters();
        for (int i = 0; i < params.length; i++) {
            if (!hasSource(params[i])) {
                return args[i];
            }
        }
        return null;
    }

    private static boolean hasSource(Parameter p) {
        for (Annotation a : p.getAnnotations()) {
            Class<? extends Annotation> t = a.annotationType();
            if (t == PathParam.class || t == QueryParam.class || t == HeaderParam.class || t == Context.class || t == BeanParam.class
                    || t == CookieParam.class || t == FormParam.class || t == MatrixParam.class
                    || t.getName().startsWith("org.jboss.resteasy.reactive.Rest")) {
                return true;
            }
        }
        return p.getType().getName().startsWith("jakarta.ws.rs.core.");
    }
}
