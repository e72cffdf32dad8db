package cn.sc.countyeconomy.api.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every operation's declared rule (roles, and for a write its county scope), read once from the resource
 * classes. At start it refuses to run a service with an operation that declares no roles, or a write that
 * declares neither {@link CountyScoped} nor {@link ProvinceWide}: a new operation without a rule fails every
 * test, hence the build. {@code AuthorizationOpenApiFilter} writes the rules into the OpenAPI document.
 */
@ApplicationScoped
public class AuthorizationRules {

    /** One operation's rule; {@code scope} is "none" (reads), "county" or "province-wide". */
    public record Rule(String method, String path, List<String> roles, String scope, Map<String, String> from) {
    }

    @Inject
    BeanManager beans;

    private volatile Map<String, Rule> rules;

    void check(@Observes StartupEvent start) {
        List<String> missing = new ArrayList<>();
        rules().values().forEach(r -> {
            if (r.roles().isEmpty()) {
                missing.add(r.method() + " " + r.path() + " declares no roles (@RolesAllowed or @PermitAll)");
            }
            if (r.scope().equals("missing")) {
                missing.add(r.method() + " " + r.path() + " writes but declares neither @CountyScoped nor @ProvinceWide");
            }
        });
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Operations without an authorization rule:\n  " + String.join("\n  ", missing));
        }
    }

    /** By "METHOD /path/{template}", as the OpenAPI document names operations. */
    public Map<String, Rule> rules() {
        Map<String, Rule> r = rules;
        if (r == null) {
            r = scan();
            rules = r;
        }
        return r;
    }

    private Map<String, Rule> scan() {
        Map<String, Rule> result = new TreeMap<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null || !type.getPackageName().startsWith("cn.sc.countyeconomy")) {
                continue;
            }
            // getMethods() has no order; two methods can serve one operation (a JSON and a CSV body): the JSON one's rule
            // is the operation's, whatever the order, so that the published document and the matrix tests are stable
            List<Method> methods = new ArrayList<>(List.of(type.getMethods()));
            methods.sort(Comparator.comparing((Method m) -> !consumesJson(m)).thenComparing(Method::getName));
            for (Method m : methods) {
                String http = httpMethod(m);
                if (http == null) {
                    continue;
                }
                Path mp = m.getAnnotation(Path.class);
                String path = normalise(classPath.value() + (mp == null ? "" : "/" + mp.value()));
                Rule rule = new Rule(http, path, roles(type, m), scope(type, m, http), from(type, m));
                result.putIfAbsent(http + " " + path, rule);
            }
        }
        return result;
    }

    private static boolean consumesJson(Method m) {
        jakarta.ws.rs.Consumes consumes = m.getAnnotation(jakarta.ws.rs.Consumes.class);
        return consumes == null || List.of(consumes.value()).stream().anyMatch(t -> t.contains("json"));
    }

    private static String httpMethod(Method m) {
        if (m.isAnnotationPresent(GET.class)) {
            return "GET";
        }
        if (m.isAnnotationPresent(POST.class)) {
            return "POST";
        }
        if (m.isAnnotationPresent(PUT.class)) {
            return "PUT";
        }
        if (m.isAnnotationPresent(DELETE.class)) {
            return "DELETE";
        }
        if (m.isAnnotationPresent(PATCH.class)) {
            return "PATCH";
        }
        return m.isAnnotationPresent(HEAD.class) ? "HEAD" : null;
    }

    static String normalise(String path) {
        String p = ("/" + path).replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static List<String> roles(Class<?> type, Method m) {
        if (m.isAnnotationPresent(PermitAll.class)) {
            return List.of("*");
        }
        RolesAllowed r = m.getAnnotation(RolesAllowed.class);
        if (r == null && !type.isAnnotationPresent(PermitAll.class)) {
            r = type.getAnnotation(RolesAllowed.class);
        }
        if (r == null) {
            return type.isAnnotationPresent(PermitAll.class) ? List.of("*") : List.of();
        }
        return List.of(r.value());
    }

    private static String scope(Class<?> type, Method m, String http) {
        if (m.isAnnotationPresent(ProvinceWide.class) || type.isAnnotationPresent(ProvinceWide.class)) {
            return "province-wide";
        }
        if (m.isAnnotationPresent(CountyScoped.class) || type.isAnnotationPresent(CountyScoped.class)) {
            return "county";
        }
        return http.equals("GET") || http.equals("HEAD") ? "none" : "missing";
    }

    private static Map<String, String> from(Class<?> type, Method m) {
        Map<String, String> from = new LinkedHashMap<>();
        CountyScoped c = m.getAnnotation(CountyScoped.class);
        if (c == null) {
            c = type.getAnnotation(CountyScoped.class);
        }
        if (c != null) {
            if (!c.path().isEmpty()) {
                from.put("path", c.path());
            }
            if (!c.body().isEmpty()) {
                from.put("body", c.body());
            }
            if (c.resource() != CountiesOf.class) {
                from.put("resource", c.id());
            }
            if (!c.content().isEmpty()) {
                from.put("content", c.content());
            }
        }
        GrantedTypes g = m.getAnnotation(GrantedTypes.class);
        if (g != null) {
            from.put("grantedTypes", g.body().isEmpty() ? "resource" : g.body());
        }
        return from;
    }
}
