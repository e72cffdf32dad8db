package cn.sc.countyeconomy.api.request;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/** The request id of the request being served: kept from X-Request-Id or made here. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    private RequestIds() {
    }

    /** A client's id is kept when it is a plain token; anything else is replaced, so logs stay clean. */
    public static String acceptOrCreate(String incoming) {
        if (incoming != null && ACCEPTABLE.matcher(incoming).matches()) {
            return incoming;
        }
        return UUID.randomUUID().toString();
    }

    public static String current() {
        Context ctx = Vertx.currentContext();
        if (ctx != null) {
            Object id = ctx.getLocal(MDC_KEY);
            if (id != null) {
                return id.toString();
            }
        }
        Object fromMdc = MDC.get(MDC_KEY);
        return fromMdc == null ? null : fromMdc.toString();
    }

    static void bind(String id) {
        Context ctx = Vertx.currentContext();
        if (ctx != null) {
            ctx.putLocal(MDC_KEY, id);
        }
        MDC.put(MDC_KEY, id);
    }
}
