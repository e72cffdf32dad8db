package cn.sc.countyeconomy.api.problem;

import java.net.URI;

/** The kinds of problem the services answer with. Their URIs are part of the API contract. */
public enum ProblemType {

    MALFORMED_REQUEST("malformed-request", "Malformed request"), VALIDATION_FAILED("validation-failed", "Request validation failed"), INVALID_PARAMETER(
            "invalid-parameter",
            "Invalid query or path parameter"), UNAUTHENTICATED("unauthenticated", "Authentication required"), FORBIDDEN("forbidden", "Not allowed"), NOT_FOUND(
                    "not-found", "Resource not found"), METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed"), NOT_ACCEPTABLE("not-acceptable",
                            "No acceptable representation"), CONFLICT("conflict", "Conflict with the current state"), GONE("gone",
                                    "Resource no longer exists"), PRECONDITION_FAILED("precondition-failed", "Precondition failed"), PRECONDITION_REQUIRED(
                                            "precondition-required",
                                            "Precondition required"), UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type"), BUSINESS_RULE(
                                                    "business-rule-violated", "Business rule violated"), IDEMPOTENCY_KEY_REUSED("idempotency-key-reused",
                                                            "Idempotency key reused with a different request"), TOO_MANY_REQUESTS("too-many-requests",
                                                                    "Too many requests"), DEPENDENCY_UNAVAILABLE("dependency-unavailable",
                                                                            "A service this request depends on is unavailable"), INTERNAL_ERROR(
                                                                                    "internal-error", "Internal error");

    private final String slug;
    private final String title;

    ProblemType(String slug, String title) {
        this.slug = slug;
        this.title = title;
    }

    public URI uri() {
        return URI.create(Problem.TYPE_PREFIX + slug);
    }

    public String title() {
        return title;
    }
}
