package cn.sc.countyeconomy.api.request;

import cn.sc.countyeconomy.api.problem.Problem;
import cn.sc.countyeconomy.api.problem.ProblemType;
import cn.sc.countyeconomy.api.validation.TextRules;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The HTTP layer's own refusals as problem+json, before any resource runs: a request line longer
 * than {@code api.http.max-uri-length} (414), headers larger than {@code api.http.max-header-size}
 * (431), a declared body larger than {@code quarkus.http.limits.max-body-size} (413), and control
 * characters in the path or query (400: PostgreSQL cannot store U+0000 and no identifier holds
 * one). Vert.x's own codec limits ({@code quarkus.http.limits.max-initial-line-length},
 * {@code max-header-size}) are set above these so that this handler, not the codec's bare answer,
 * is what a client meets. Failures that other Vert.x handlers end with a status (a chunked body
 * past the limit, for one) are written as problems by the failure handler.
 */
@ApplicationScoped
public class HttpLimits {

    private static final Logger LOG = Logger.getLogger(HttpLimits.class);

    @ConfigProperty(name = "api.http.max-uri-length", defaultValue = "8192")
    int maxUriLength;

    @ConfigProperty(name = "api.http.max-header-size", defaultValue = "20K")
    MemorySize maxHeaderSize;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
    }

    void check(RoutingContext rc) {
        HttpServerRequest req = rc.request();
        String uri = req.uri();
        if (uri.length() > maxUriLength) {
            refuse(rc, 414, ProblemType.MALFORMED_REQUEST, "The request URI is " + uri.length() + " characters long; at most " + maxUriLength + " are accepted",
                    "uri");
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> h : req.headers()) {
            headerBytes += h.getKey().length() + h.getValue().length() + 4;
        }
        if (headerBytes > maxHeaderSize.asLongValue()) {
            refuse(rc, 431, ProblemType.MALFORMED_REQUEST, "The request headers take " + headerBytes + " bytes; at most " + maxHeaderSize.asLongValue()
                    + " are accepted", "headers");
            return;
        }
        String length = req.getHeader("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > maxBodySize.asLongValue()) {
                    refuse(rc, 413, ProblemType.MALFORMED_REQUEST, "The body is " + length.trim() + " bytes; at most " + maxBodySize.asLongValue()
                            + " are accepted", "body");
                    return;
                }
            } catch (NumberFormatException e) {
                refuse(rc, 400, ProblemType.MALFORMED_REQUEST, "Content-Length is not a number", "header.Content-Length");
                return;
            }
        }
        String where = controlCharacterIn(req.path(), req.query());
        if (where != null) {
            refuse(rc, 400, ProblemType.INVALID_PARAMETER, where + ": must not contain control characters (such as %00)", where);
            return;
        }
        rc.next();
    }

    void failure(RoutingContext rc) {
        int status = rc.statusCode();
        if (rc.response().ended() || rc.response().headWritten()) {
            return;
        }
        if (status < 400) {
            // an exception that escaped every other handler: the generic answer, cause in the log
            LOG.errorf(rc.failure(), "Unhandled error outside the REST layer [requestId=%s] on %s", RequestIds.current(), rc.request().path());
            status = 500;
        }
        String detail = switch (status) {
            case 413 -> "The body is larger than the " + maxBodySize.asLongValue() + " bytes accepted";
            case 414 -> "The request URI is too long";
            case 431 -> "The request headers are too large";
            case 500 -> "An unexpected error occurred. Quote request id " + RequestIds.current() + " when reporting it.";
            default -> "The request was refused by the HTTP layer (" + status + ")";
        };
        write(rc, status, status >= 500 ? ProblemType.INTERNAL_ERROR : ProblemType.MALFORMED_REQUEST, detail, null);
    }

    /** "path" or "query.NAME" (or "query") when the decoded path or query holds a control character. */
    static String controlCharacterIn(String rawPath, String rawQuery) {
        if (rawPath != null && TextRules.firstControlCharacter(decode(rawPath)) >= 0) {
            return "path";
        }
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (TextRules.firstControlCharacter(name) >= 0) {
                    return "query";
                }
                if (TextRules.firstControlCharacter(value) >= 0) {
                    return "query." + name;
                }
            }
        }
        return null;
    }

    private static String decode(String s) {
        try {
            return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private void refuse(RoutingContext rc, int status, ProblemType type, String detail, String field) {
        write(rc, status, type, detail, field);
    }

    private void write(RoutingContext rc, int status, ProblemType type, String detail, String field) {
        Problem p = new Problem(type, status, detail);
        p.instance = safeInstance(rc.request().path());
        p.requestId = rc.response().headers().get(RequestIds.HEADER);
        if (p.requestId == null) {
            p.requestId = RequestIds.current();
        }
        if (field != null) {
            p.violations = List.of(new Problem.Violation(field, detail));
        }
        String body;
        try {
            body = json.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + status + "}";
        }
        rc.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (status == 413 || status == 414 || status == 431) {
            // the rest of an oversized request is not read: the connection cannot be reused
            rc.response().putHeader("Connection", "close");
            rc.response().end(body).onComplete(done -> rc.request().connection().close());
            return;
        }
        rc.response().end(body);
    }

    private static URI safeInstance(String path) {
        if (path == null || path.length() > 512 || TextRules.firstControlCharacter(path) >= 0) {
            return URI.create("/");
        }
        try {
            return URI.create(path);
        } catch (IllegalArgumentException e) {
            return URI.create("/");
        }
    }
}
