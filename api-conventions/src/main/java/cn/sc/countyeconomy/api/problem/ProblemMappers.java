package cn.sc.countyeconomy.api.problem;

import cn.sc.countyeconomy.api.request.RequestIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every exception that reaches the HTTP layer into an RFC 9457 answer. Nothing internal
 * (class names, stack traces, SQL) leaves the service: unexpected failures are logged with the
 * request id and answered with a generic text that carries the same id.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        Response.ResponseBuilder b = build(e.toProblem(), uri);
        e.headers().forEach(b::header);
        return b.build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (status >= 500) {
            return internal(e, uri);
        }
        ProblemType type = typeFor(status);
        String detail = switch (status) {
            case 404 -> "No resource at " + uri.getRequestUri().getRawPath();
            case 405 -> original.getHeaderString(HttpHeaders.ALLOW) == null
                    ? "This method is not allowed on " + uri.getRequestUri().getRawPath()
                    : "This method is not allowed on " + uri.getRequestUri().getRawPath() + "; allowed: " + original.getHeaderString(HttpHeaders.ALLOW);
            case 406 -> "None of the media types in Accept can be produced by this operation";
            case 415 -> "The request's Content-Type is not accepted by this operation";
            default -> safeMessage(e, type);
        };
        Response.ResponseBuilder b = build(new Problem(type, status, detail), uri);
        for (String h : List.of(HttpHeaders.ALLOW, HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.RETRY_AFTER)) {
            String v = original.getHeaderString(h);
            if (v != null) {
                b.header(h, v);
            }
        }
        return b.build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        boolean onReturnValue = e.getConstraintViolations().stream().anyMatch(v -> {
            for (Path.Node n : v.getPropertyPath()) {
                if (n.getKind() == ElementKind.RETURN_VALUE) {
                    return true;
                }
            }
            return false;
        });
        if (onReturnValue) {
            // the service broke its own contract: not the client's fault
            return internal(e, uri);
        }
        List<Problem.Violation> violations = new ArrayList<>();
        boolean onParameters = false;
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            FieldPath fp = fieldPath(v.getPropertyPath());
            onParameters |= fp.parameter;
            violations.add(new Problem.Violation(fp.name, v.getMessage()));
        }
        violations.sort(Comparator.comparing(Problem.Violation::field));
        // Parameters that break their constraints are a malformed request (400); a body that
        // parses but breaks its constraints is an unprocessable entity (422).
        int status = onParameters ? 400 : 422;
        String detail = violations.stream().map(v -> v.field() + ": " + v.message())
                .collect(Collectors.joining("; "));
        Problem p = new Problem(onParameters ? ProblemType.INVALID_PARAMETER : ProblemType.VALIDATION_FAILED, status, detail);
        p.violations = violations;
        return build(p, uri).build();
    }

    /**
     * quarkus-rest-jackson has a built-in mapper for this subtype (an unknown enum value, a string
     * where a number belongs, ...) that answers plain JSON; this one, of higher priority, keeps
     * such errors problem+json.
     */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        if (!readingTheRequest(e)) {
            // writing the answer failed: the service's fault, not the client's
            return internal(e, uri);
        }
        String detail;
        List<Problem.Violation> violations = null;
        if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            String field = jsonPath(jme.getPath());
            String message;
            if (e instanceof com.fasterxml.jackson.databind.exc.InvalidNullException) {
                message = "must not be null";
            } else if (e instanceof cn.sc.countyeconomy.api.validation.TextRules.UnstorableText ut) {
                message = ut.reason();
            } else if (e instanceof UnrecognizedPropertyException upe) {
                message = "unknown field '" + upe.getPropertyName() + "'";
            } else if (e instanceof InvalidFormatException ife) {
                message = "cannot read '" + ife.getValue() + "' as " + simpleType(ife.getTargetType());
            } else if (e instanceof MismatchedInputException mie) {
                message = "expected " + simpleType(mie.getTargetType());
            } else {
                message = "invalid value";
            }
            violations = List.of(new Problem.Violation(field, message));
            detail = field + ": " + message;
        } else {
            var loc = e.getLocation();
            detail = "The body is not valid JSON" + (loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")");
        }
        Problem p = new Problem(ProblemType.MALFORMED_REQUEST, 400, detail);
        p.violations = violations;
        return build(p, uri).build();
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri, "A bearer token is required");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri, "The bearer token is invalid or expired");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return build(new Problem(ProblemType.FORBIDDEN, 403,
                "Your token's roles do not allow this operation"), uri).build();
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response stale(Exception e, UriInfo uri) {
        return build(new Problem(ProblemType.PRECONDITION_FAILED, 412,
                "The resource was changed by another request meanwhile; read it again and retry with its new ETag"), uri).build();
    }

    @ServerExceptionMapper({CircuitBreakerOpenException.class, TimeoutException.class, BulkheadException.class})
    public Response dependencyDown(Exception e, UriInfo uri) {
        LOG.warnf("Dependency unavailable [requestId=%s]: %s", RequestIds.current(), e.toString());
        return build(new Problem(ProblemType.DEPENDENCY_UNAVAILABLE, 503,
                "A service this operation depends on is unavailable; retry later")
                .with("retryAfterSeconds", 30), uri)
                .header(HttpHeaders.RETRY_AFTER, 30).build();
    }

    @ServerExceptionMapper
    public Response internal(Throwable e, UriInfo uri) {
        var fromDatabase = SqlProblems.classify(e);
        if (fromDatabase.isPresent()) {
            ApiException answer = fromDatabase.get();
            if (answer.status() >= 500) {
                LOG.warnf("Database unavailable [requestId=%s]: %s", RequestIds.current(), e.toString());
            }
            return api(answer, uri);
        }
        String requestId = RequestIds.current();
        LOG.errorf(e, "Unhandled error [requestId=%s] on %s", requestId, uri == null ? "?" : uri.getRequestUri().getRawPath());
        return build(new Problem(ProblemType.INTERNAL_ERROR, 500,
                "An unexpected error occurred. Quote request id " + requestId + " when reporting it."), uri).build();
    }

    /** Whether Jackson failed while reading the request body (rather than writing the answer). */
    static boolean readingTheRequest(JsonProcessingException e) {
        Object processor = e.getProcessor();
        if (processor instanceof com.fasterxml.jackson.core.JsonGenerator) {
            return false;
        }
        if (processor instanceof com.fasterxml.jackson.core.JsonParser) {
            return true;
        }
        return e instanceof com.fasterxml.jackson.core.JsonParseException
                || e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException
                || e instanceof MismatchedInputException
                || e instanceof com.fasterxml.jackson.databind.exc.ValueInstantiationException;
    }

    private Response unauthenticated(UriInfo uri, String detail) {
        return build(new Problem(ProblemType.UNAUTHENTICATED, 401, detail), uri)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    static Response.ResponseBuilder build(Problem p, UriInfo uri) {
        if (p.instance == null && uri != null) {
            p.instance = URI.create(uri.getRequestUri().getRawPath());
        }
        if (p.requestId == null) {
            p.requestId = RequestIds.current();
        }
        return Response.status(p.status).type(Problem.MEDIA_TYPE).entity(p);
    }

    static ProblemType typeFor(int status) {
        return switch (status) {
            case 400 -> ProblemType.MALFORMED_REQUEST;
            case 401 -> ProblemType.UNAUTHENTICATED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 409 -> ProblemType.CONFLICT;
            case 410 -> ProblemType.GONE;
            case 412 -> ProblemType.PRECONDITION_FAILED;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 422 -> ProblemType.VALIDATION_FAILED;
            case 428 -> ProblemType.PRECONDITION_REQUIRED;
            case 429 -> ProblemType.TOO_MANY_REQUESTS;
            case 503 -> ProblemType.DEPENDENCY_UNAVAILABLE;
            default -> ProblemType.MALFORMED_REQUEST;
        };
    }

    /** Framework messages for 4xx are safe to show only when they are not the default boilerplate. */
    private static String safeMessage(WebApplicationException e, ProblemType type) {
        String m = e.getMessage();
        if (m == null || m.startsWith("HTTP ") || m.contains("Exception") || m.contains("at ")) {
            return type.title();
        }
        return m;
    }

    private record FieldPath(String name, boolean parameter) {
    }

    /** "create.arg0.name" becomes "name"; a query parameter becomes its parameter name. */
    private static FieldPath fieldPath(Path path) {
        List<String> parts = new ArrayList<>();
        boolean parameter = false;
        boolean sawBody = false;
        for (Path.Node n : path) {
            ElementKind kind = n.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                parameter = true;
                parts.add(n.getName());
                continue;
            }
            if (kind == ElementKind.PROPERTY || kind == ElementKind.CONTAINER_ELEMENT) {
                if (!sawBody && parameter) {
                    // the first property under a parameter: that parameter was the body (or a bean param)
                    parts.clear();
                    sawBody = true;
                }
                String name = n.getName();
                if (n.getIndex() != null) {
                    name = name + "[" + n.getIndex() + "]";
                } else if (n.getKey() != null) {
                    name = name + "[" + n.getKey() + "]";
                }
                if (name != null && !name.startsWith("<")) {
                    parts.add(name);
                }
            }
        }
        return new FieldPath(parts.isEmpty() ? "request" : String.join(".", parts), parameter && !sawBody);
    }

    private static String jsonPath(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    private static String simpleType(Class<?> c) {
        if (c == null) {
            return "a value of another type";
        }
        if (Number.class.isAssignableFrom(c) || (c.isPrimitive() && c != boolean.class)) {
            return "a number";
        }
        if (c == Boolean.class || c == boolean.class) {
            return "true or false";
        }
        if (c.isEnum()) {
            return "one of " + java.util.Arrays.toString(c.getEnumConstants());
        }
        if (c == java.time.LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (c == java.time.Instant.class || c == java.time.OffsetDateTime.class) {
            return "a UTC timestamp (ISO-8601)";
        }
        if (java.util.Collection.class.isAssignableFrom(c) || c.isArray()) {
            return "an array";
        }
        if (c == String.class) {
            return "a string";
        }
        return "an object";
    }
}
