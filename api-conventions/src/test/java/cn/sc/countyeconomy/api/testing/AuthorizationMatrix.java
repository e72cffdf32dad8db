package cn.sc.countyeconomy.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The authorization matrix of a running service: every operation of its OpenAPI document (read by
 * {@link OpenApiOperations}) is called with no token and with a token of each role, unlimited, limited to the
 * county the call touches ("home") and limited to another county, and the answer is compared with the rule the
 * document states ({@code x-roles}, {@code x-county-scope}): 401 without a token, 403 for a role not listed or a
 * county outside the token's, and neither 401 nor 403 otherwise (the call then answers as the operation does:
 * 2xx, or 400/404/412/422/428 for the placeholder data the matrix sends). An operation the document states no
 * rule for is a failure: a new operation must declare one.
 *
 * <p>
 * The county an operation touches comes from where it declares it: the path parameter or the body property
 * is given the home county; for a resource, {@link #pathValue(String, String, Object)} names one of the home
 * county. Without it the call names {@link #PLACEHOLDER_ID}, no resource, so no county: the call limited to
 * another county is then only checked for being refused for a reason other than authentication (a 4xx, not 401:
 * 403, or 404/422 from the operation itself), and the
 * matrix lists the operation in {@link Result#unresolved()}.
 */
public final class AuthorizationMatrix {

    /** The id used where no existing resource is named: no resource has it, so no county is found for it. */
    public static final long PLACEHOLDER_ID = 999_999_999L;

    public static final List<String> ROLES = List.of("reader", "editor", "approver", "admin");

    /** How a call authenticates. */
    public enum Kind {
        NONE, UNLIMITED, HOME, OTHER
    }

    public record Call(String operation, String role, Kind kind, int expected, int status) {

        @Override
        public String toString() {
            return operation + " as " + (role == null ? "nobody" : role + "/" + kind) + ": expected "
                    + (expected == 0 ? "neither 401 nor 403" : expected == -404 ? "a 4xx refusal other than 401 (county unresolved)" : expected) + ", got "
                    + status;
        }
    }

    /** The calls made, those that broke the rule, and the resource operations whose county the matrix could not resolve. */
    public record Result(int operations, List<Call> calls, List<Call> failures, List<String> unresolved, List<Call> serverErrors) {

        public String report() {
            return operations + " operations x " + (calls.size() / Math.max(1, operations)) + " token kinds = " + calls.size()
                    + " calls; " + failures.size() + " break the rule" + (failures.isEmpty()
                            ? ""
                            : ":\n  " + String.join("\n  ",
                                    failures.stream().map(Call::toString).toList()));
        }
    }

    private final OpenApiOperations operations;
    private String home = "510522";
    private String other = "510104";
    private final Map<String, Object> defaults = new HashMap<>(Map.of("id", PLACEHOLDER_ID, "year", 2024, "code", "510522", "county", "510522"));
    private final Map<String, Map<String, Object>> perOperation = new HashMap<>();

    private AuthorizationMatrix(OpenApiOperations operations) {
        this.operations = operations;
    }

    public static AuthorizationMatrix of(OpenApiOperations operations) {
        return new AuthorizationMatrix(operations);
    }

    /** The county the calls touch, and another one. */
    public AuthorizationMatrix counties(String home, String other) {
        this.home = home;
        this.other = other;
        defaults.put("code", home);
        defaults.put("county", home);
        return this;
    }

    /** A value for a path variable of every operation (default: 1 for ids, 2024 for years, the home county for codes). */
    public AuthorizationMatrix pathValue(String variable, Object value) {
        defaults.put(variable, value);
        return this;
    }

    /** A value for a path variable of the operations under this path template prefix: an existing resource of the home county. */
    public AuthorizationMatrix pathValue(String pathPrefix, String variable, Object value) {
        perOperation.computeIfAbsent(pathPrefix, k -> new HashMap<>()).put(variable, value);
        return this;
    }

    public Result run() {
        List<OpenApiOperations.Operation> ops = operations.under("/api/");
        List<Call> calls = new ArrayList<>();
        List<Call> failures = new ArrayList<>();
        List<Call> serverErrors = new ArrayList<>();
        Set<String> unresolved = new LinkedHashSet<>();
        for (OpenApiOperations.Operation op : ops) {
            JsonNode roles = op.extension("x-roles").orElse(null);
            JsonNode scope = op.extension("x-county-scope").orElse(null);
            if (roles == null || scope == null) {
                failures.add(new Call(op.key() + " (states no authorization rule)", null, Kind.NONE, -1, -1));
                continue;
            }
            Map<String, Object> values = values(op);
            boolean resolvable = !scope.has("resource") || fixtureFor(op, scope.path("resource").asText());
            record(calls, failures, serverErrors, op, null, Kind.NONE, 401, values, scope);
            for (String role : ROLES) {
                boolean allowed = allowed(roles, role);
                for (Kind kind : List.of(Kind.UNLIMITED, Kind.HOME, Kind.OTHER)) {
                    int expected = !allowed ? 403 : expectedByScope(scope.path("rule").asText(), kind);
                    if (expected == 403 && kind == Kind.OTHER && allowed && !resolvable) {
                        unresolved.add(op.key());
                        expected = -404;
                    }
                    record(calls, failures, serverErrors, op, role, kind, expected, values, scope);
                }
            }
        }
        return new Result(ops.size(), calls, failures, List.copyOf(unresolved), serverErrors);
    }

    private static int expectedByScope(String rule, Kind kind) {
        return switch (rule) {
            case "province-wide" -> kind == Kind.UNLIMITED ? 0 : 403;
            case "county" -> kind == Kind.OTHER ? 403 : 0;
            default -> 0;
        };
    }

    /** Every role implies reader; admin implies editor (RoleImplications). */
    static boolean allowed(JsonNode roles, String role) {
        Set<String> held = new LinkedHashSet<>(List.of(role, "reader"));
        if (role.equals("admin")) {
            held.add("editor");
        }
        for (JsonNode r : roles) {
            if (r.asText().equals("*") || held.contains(r.asText())) {
                return true;
            }
        }
        return false;
    }

    private boolean fixtureFor(OpenApiOperations.Operation op, String id) {
        return perOperation.entrySet().stream().anyMatch(e -> op.path().startsWith(e.getKey()) && e.getValue().containsKey(id));
    }

    private Map<String, Object> values(OpenApiOperations.Operation op) {
        Map<String, Object> values = new HashMap<>(defaults);
        perOperation.entrySet().stream().filter(e -> op.path().startsWith(e.getKey()))
                .sorted(Map.Entry.comparingByKey()).forEach(e -> values.putAll(e.getValue()));
        for (String v : op.pathVariables()) {
            values.putIfAbsent(v, PLACEHOLDER_ID);
        }
        return values;
    }

    private void record(List<Call> calls, List<Call> failures, List<Call> serverErrors, OpenApiOperations.Operation op,
            String role, Kind kind, int expected, Map<String, Object> values, JsonNode scope) {
        int status = call(op, role, kind, values, scope);
        Call call = new Call(op.key(), role, kind, expected, status);
        calls.add(call);
        boolean ok = switch (expected) {
            case 0 -> status != 401 && status != 403;
            case -404 -> status >= 400 && status < 500 && status != 401;
            default -> status == expected;
        };
        if (!ok) {
            failures.add(call);
        }
        if (status >= 500) {
            serverErrors.add(call);
        }
    }

    private int call(OpenApiOperations.Operation op, String role, Kind kind, Map<String, Object> values, JsonNode scope) {
        RequestSpecification req = RestAssured.given().redirects().follow(false);
        if (role != null) {
            req.header("Authorization", switch (kind) {
                case UNLIMITED -> TestTokens.bearer(role);
                case HOME -> TestTokens.bearerForCounties(List.of(home), role);
                case OTHER -> TestTokens.bearerForCounties(List.of(other), role);
                case NONE -> throw new IllegalStateException();
            });
        }
        if (op.requestBody() != null) {
            if (op.requestBody().content().containsKey("application/json") || op.requestBody().jsonSchema().isPresent()) {
                req.contentType("application/json").body(body(scope, values));
            } else {
                String type = op.requestBody().content().keySet().stream().findFirst().orElse("application/octet-stream");
                req.contentType(type).body("");
            }
        }
        return req.request(op.method(), op.expand(values)).statusCode();
    }

    /** A body holding the home county where the operation reads it (or the resource id it names); else empty. */
    private Map<String, Object> body(JsonNode scope, Map<String, Object> values) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (scope.has("body")) {
            put(body, scope.get("body").asText().split("\\."), 0, home);
        }
        String resource = scope.path("resource").asText("");
        if (resource.startsWith("body:")) {
            put(body, resource.substring(5).split("\\."), 0, values.getOrDefault(resource, PLACEHOLDER_ID));
        }
        return body;
    }

    private static void put(Map<String, Object> node, String[] steps, int i, Object value) {
        if (i == steps.length - 1) {
            node.put(steps[i], value);
            return;
        }
        // an intermediate step may be a list (values.countyCode): one element holding the rest
        Map<String, Object> child = new LinkedHashMap<>();
        put(child, steps, i + 1, value);
        node.put(steps[i], List.of(child));
    }
}
