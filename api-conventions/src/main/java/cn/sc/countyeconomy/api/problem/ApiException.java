package cn.sc.countyeconomy.api.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one exception a service throws to answer with a problem. Its factory methods name the
 * common cases; {@link #with(String, Object)} adds extension members (a rule's name, the
 * conflicting id, ...), {@link #header(String, String)} response headers such as Retry-After.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final ProblemType type;
    private final List<Problem.Violation> violations;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ApiException(int status, ProblemType type, String detail) {
        this(status, type, detail, null);
    }

    public ApiException(int status, ProblemType type, String detail, List<Problem.Violation> violations) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.violations = violations;
    }

    public static ApiException notFound(String resource, Object id) {
        return new ApiException(404, ProblemType.NOT_FOUND, resource + " '" + id + "' does not exist");
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, ProblemType.INVALID_PARAMETER, detail);
    }

    public static ApiException invalidParameter(String parameter, String message) {
        return new ApiException(400, ProblemType.INVALID_PARAMETER, parameter + ": " + message,
                List.of(new Problem.Violation(parameter, message)));
    }

    public static ApiException validation(List<Problem.Violation> violations) {
        String detail = violations.size() == 1
                ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " fields are invalid; see violations";
        return new ApiException(422, ProblemType.VALIDATION_FAILED, detail, violations);
    }

    public static ApiException validation(String field, String message) {
        return validation(List.of(new Problem.Violation(field, message)));
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, ProblemType.CONFLICT, detail);
    }

    /** A domain rule refused the request (422); {@code rule} names it for machines. */
    public static ApiException rule(String rule, String detail) {
        return new ApiException(422, ProblemType.BUSINESS_RULE, detail).with("rule", rule);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, ProblemType.FORBIDDEN, detail);
    }

    public static ApiException unavailable(String detail, int retryAfterSeconds) {
        return new ApiException(503, ProblemType.DEPENDENCY_UNAVAILABLE, detail)
                .header("Retry-After", Integer.toString(retryAfterSeconds))
                .with("retryAfterSeconds", retryAfterSeconds);
    }

    private static final java.util.Set<String> RESERVED = java.util.Set.of("type", "title", "status", "detail", "instance", "requestId", "violations");

    /** Adds an extension member; the standard members of a problem cannot be overwritten this way. */
    public ApiException with(String member, Object value) {
        if (RESERVED.contains(member)) {
            throw new IllegalArgumentException("'" + member + "' is a standard problem member; name the extension otherwise");
        }
        extensions.put(member, value);
        return this;
    }

    public ApiException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public ProblemType type() {
        return type;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Problem toProblem() {
        Problem p = new Problem(type, status, getMessage());
        p.violations = violations;
        extensions.forEach(p::with);
        return p;
    }
}
