package cn.sc.countyeconomy.api.request;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Installs the request id on every route of the HTTP server, before anything else runs, so that
 * errors produced outside the REST layer carry it too.
 */
@ApplicationScoped
public class RequestIdHandler {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            String id = RequestIds.acceptOrCreate(rc.request().getHeader(RequestIds.HEADER));
            RequestIds.bind(id);
            rc.response().putHeader(RequestIds.HEADER, id);
            rc.next();
        });
    }
}
