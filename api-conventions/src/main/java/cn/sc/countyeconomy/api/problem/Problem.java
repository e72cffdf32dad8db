package cn.sc.countyeconomy.api.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem details document, the body of every error answer of every service.
 * Extension members beyond the standard five are {@code requestId}, {@code violations} and any
 * named by the problem's origin (for example {@code retryAfterSeconds}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "requestId", "violations"})
@Schema(name = "Problem", description = "RFC 9457 problem details. Every error answer of this service has this shape, "
        + "with media type application/problem+json.")
public class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:problem-type:sc-county-economy:";

    @Schema(description = "A URI naming the kind of problem; stable, compare it rather than the title.", example = TYPE_PREFIX + "validation-failed")
    public URI type;
    @Schema(description = "Short summary of the kind of problem.", example = "Request validation failed")
    public String title;
    @Schema(description = "HTTP status code.", example = "422")
    public int status;
    @Schema(description = "What went wrong in this occurrence, in words a client can act on.")
    public String detail;
    @Schema(description = "The request path this problem occurred on.", format = "uri-reference", example = "/api/v1/counties/999999")
    public URI instance;
    @Schema(description = "Request id, also in the X-Request-Id header and in the service's log lines.")
    public String requestId;
    @Schema(description = "One entry per invalid field or value, where the problem is a validation failure.")
    public List<Violation> violations;

    @Schema(hidden = true)
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public Problem() {
    }

    public Problem(ProblemType type, int status, String detail) {
        this.type = type.uri();
        this.title = type.title();
        this.status = status;
        this.detail = detail;
    }

    @JsonAnyGetter
    public Map<String, Object> extensions() {
        return extensions;
    }

    public Problem with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    /** One invalid field: where (a JSON-pointer-like path or parameter name) and what is wrong. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Violation")
    public record Violation(
            @Schema(description = "The field, query parameter or header, e.g. `weights.KEY_DEVELOPMENT` or `query.size`.") String field,
            @Schema(description = "What is wrong with it.") String message,
            @Schema(description = "The rejected value, when it is safe to echo.") Object rejectedValue) {

        public Violation(String field, String message) {
            this(field, message, null);
        }
    }
}
